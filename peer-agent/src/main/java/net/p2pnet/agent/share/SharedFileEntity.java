package net.p2pnet.agent.share;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of the hash cache: the hashes of one file as it was at {@code size} and {@code mtimeMillis}. */
@Entity
@Table(name = "shared_file")
class SharedFileEntity {

    @Id
    private String path;
    private long size;
    @Column(name = "mtime_millis")
    private long mtimeMillis;
    @Column(name = "ed2k_hash", length = 32)
    private String ed2kHash;
    @Column(name = "ed2k_hashset")
    private byte[] ed2kHashset;
    @Column(length = 40)
    private String sha1;
    @Column(name = "info_hash", length = 40)
    private String infoHash;
    private byte[] torrent;
    @Column(name = "hashed_at")
    private Instant hashedAt;
    /**
     * Not updatable through the entity: re-hashing a file saves a fresh entity, which must not reset
     * the counter; {@link SharedFileRepository#setUploaded} writes it.
     */
    @Column(name = "uploaded_bytes", updatable = false)
    private long uploadedBytes;

    protected SharedFileEntity() {
    }

    SharedFileEntity(FileHashes hashes, Instant hashedAt) {
        this.path = hashes.path().toString();
        this.size = hashes.size();
        this.mtimeMillis = hashes.mtimeMillis();
        this.ed2kHash = hashes.ed2kHash();
        this.ed2kHashset = hashes.ed2kHashset();
        this.sha1 = hashes.sha1();
        this.infoHash = hashes.infoHash();
        this.torrent = hashes.torrent();
        this.hashedAt = hashedAt;
    }

    FileHashes toHashes() {
        return new FileHashes(java.nio.file.Path.of(path), size, mtimeMillis, ed2kHash, ed2kHashset, sha1, infoHash,
                torrent);
    }
}
