package net.p2pnet.rendezvous.peer;

import org.springframework.data.jpa.repository.JpaRepository;

interface OwnPeerRepository extends JpaRepository<OwnPeerEntity, String> {
}
