package net.p2pnet.rendezvous.room;

import org.springframework.data.jpa.repository.JpaRepository;

interface OwnRoomRepository extends JpaRepository<OwnRoomEntity, OwnRoomEntity.Key> {
}
