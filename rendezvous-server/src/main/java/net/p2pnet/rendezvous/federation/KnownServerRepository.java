package net.p2pnet.rendezvous.federation;

import org.springframework.data.jpa.repository.JpaRepository;

interface KnownServerRepository extends JpaRepository<KnownServerEntity, String> {
}
