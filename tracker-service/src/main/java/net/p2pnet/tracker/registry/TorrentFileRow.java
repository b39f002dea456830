package net.p2pnet.tracker.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of {@code torrent_file}. */
@Embeddable
class TorrentFileRow {

    @Column(nullable = false, length = 4096)
    private String path;

    @Column(nullable = false)
    private long size;

    @Column(length = 32)
    private String ed2k;

    protected TorrentFileRow() {
    }

    TorrentFileRow(String path, long size, String ed2k) {
        this.path = path;
        this.size = size;
        this.ed2k = ed2k;
    }

    RegisteredFile toRegistered() {
        return new RegisteredFile(path, size, ed2k);
    }
}
