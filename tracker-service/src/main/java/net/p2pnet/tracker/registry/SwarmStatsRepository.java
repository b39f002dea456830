package net.p2pnet.tracker.registry;

import org.springframework.data.jpa.repository.JpaRepository;

interface SwarmStatsRepository extends JpaRepository<SwarmStatsEntity, String> {
}
