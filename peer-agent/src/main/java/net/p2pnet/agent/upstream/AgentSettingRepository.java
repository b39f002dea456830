package net.p2pnet.agent.upstream;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgentSettingRepository extends JpaRepository<AgentSettingEntity, String> {
}
