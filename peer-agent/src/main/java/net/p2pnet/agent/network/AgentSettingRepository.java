package net.p2pnet.agent.network;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgentSettingRepository extends JpaRepository<AgentSettingEntity, String> {
}
