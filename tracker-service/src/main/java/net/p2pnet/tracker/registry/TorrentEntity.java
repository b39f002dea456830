package net.p2pnet.tracker.registry;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.p2pnet.tracker.swarm.Key20;

/** A registered torrent row; the original .torrent bytes are kept so clients can fetch it again. */
@Entity
@Table(name = "torrent")
class TorrentEntity {

    @Id
    @Column(name = "info_hash", length = 40)
    private String infoHash;

    @Column(nullable = false, length = 1024)
    private String name;

    @Column(name = "total_size", nullable = false)
    private long totalSize;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RegisteredTorrent.Origin origin;

    @Column(name = "source_path", length = 4096)
    private String sourcePath;

    @Column(nullable = false)
    private byte[] metainfo;

    @Column(name = "registered_by", length = 128)
    private String registeredBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "torrent_file", joinColumns = @JoinColumn(name = "info_hash"))
    @OrderColumn(name = "file_index")
    private List<TorrentFileRow> files = new ArrayList<>();

    protected TorrentEntity() {
    }

    TorrentEntity(RegisteredTorrent torrent, String sourcePath, byte[] metainfo, String registeredBy) {
        this.registeredBy = registeredBy;
        this.infoHash = torrent.infoHash().hex();
        this.name = torrent.name();
        this.totalSize = torrent.size();
        this.registeredAt = torrent.registeredAt();
        this.origin = torrent.origin();
        this.sourcePath = sourcePath;
        this.metainfo = metainfo;
        torrent.files().forEach(f -> files.add(new TorrentFileRow(f.path(), f.size(), f.ed2k())));
    }

    RegisteredTorrent toRegistered() {
        return new RegisteredTorrent(Key20.ofHex(infoHash), name, totalSize,
                files.stream().map(TorrentFileRow::toRegistered).toList(), registeredAt, origin);
    }

    String sourcePath() {
        return sourcePath;
    }

    /** The peer id of the member who registered it, or null (allowed directory, operator, anonymous). */
    String registeredBy() {
        return registeredBy;
    }

    byte[] metainfo() {
        return metainfo;
    }
}
