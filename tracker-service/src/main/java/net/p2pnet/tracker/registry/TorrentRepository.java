package net.p2pnet.tracker.registry;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TorrentRepository extends JpaRepository<TorrentEntity, String> {

    List<TorrentEntity> findByOrigin(RegisteredTorrent.Origin origin);
}
