package net.p2pnet.agent.share;

import java.nio.file.Path;

import net.p2pnet.agent.config.AgentProperties;
import net.p2pnet.agent.upstream.SeedAnnouncer;
import net.p2pnet.agent.upstream.TrackerClient;
import net.p2pnet.agent.transfer.ContentCatalog;
import net.p2pnet.agent.transfer.SharedContent;
import net.p2pnet.model.hash.ContentHashes;
import net.p2pnet.model.hash.Ed2kHash;
import net.p2pnet.model.torrent.Metainfo;
import org.springframework.stereotype.Component;

/**
 * Makes a hashed file available: served on the transfer port (the download engine's catalog),
 * registered with the tracker with its ed2k hash and announced as a seed.
 */
@Component
class SharePublisher {

    private final ContentCatalog catalog;
    private final SeedAnnouncer seeds;
    private final TrackerClient tracker;
    private final UploadCounts uploads;
    private final boolean privateNetwork;

    SharePublisher(ContentCatalog catalog, SeedAnnouncer seeds, TrackerClient tracker, UploadCounts uploads,
            AgentProperties agent) {
        this.catalog = catalog;
        this.uploads = uploads;
        this.seeds = seeds;
        this.tracker = tracker;
        // an agent that joins with a join key is in a private network: BEP 27 private flag, so
        // clients that honour it never leak the swarm to DHT or peer exchange
        this.privateNetwork = agent.joinKey() != null && !agent.joinKey().isBlank();
    }

    Metainfo makeTorrent(String name, ContentHashes content) {
        return TorrentMaker.make(name, content, tracker.announceUrlForTorrents(), privateNetwork);
    }

    void publish(FileHashes hashes) {
        // the cached torrent may carry an expired passkey or an older tracker URL
        byte[] torrent = TorrentMaker.withAnnounce(hashes.torrent(), tracker.announceUrlForTorrents());
        catalog.publish(new SharedContent(hashes.infoHash(), torrent, hashes.path(), hashes.size(),
                Ed2kHash.of(hashes.size(), hashes.ed2kHashset())), uploads.counterFor(hashes.path()));
        Path path = hashes.path();
        seeds.seed(hashes.infoHash(), torrent, hashes.ed2kHash(), () -> uploads.uploaded(path));
    }

    void withdraw(ShareEntry entry) {
        FileHashes hashes = entry.hashes();
        if (hashes != null) {
            catalog.withdraw(hashes.infoHash());
            seeds.stop(hashes.infoHash());
        }
    }

}
