package net.p2pnet.agent.share;

import org.springframework.data.jpa.repository.JpaRepository;

interface ShareRootRepository extends JpaRepository<ShareRootEntity, String> {
}
