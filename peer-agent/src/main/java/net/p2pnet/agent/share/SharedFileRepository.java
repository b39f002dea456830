package net.p2pnet.agent.share;

import org.springframework.data.jpa.repository.JpaRepository;

interface SharedFileRepository extends JpaRepository<SharedFileEntity, String> {
}
