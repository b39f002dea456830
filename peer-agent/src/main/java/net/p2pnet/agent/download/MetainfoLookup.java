package net.p2pnet.agent.download;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import net.p2pnet.agent.storage.TorrentContent;
import net.p2pnet.agent.transfer.FileInfo;
import net.p2pnet.model.torrent.InvalidTorrentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the torrent of a magnet or ed2k download: first from every {@link MetainfoResolver} (the
 * tracker registry), then from the sources themselves (an agent serves the torrent of what it holds).
 * A torrent is only accepted if it is what the link names: same info-hash, or for an ed2k link the
 * same size.
 */
final class MetainfoLookup {

    private static final Logger log = LoggerFactory.getLogger(MetainfoLookup.class);

    private final Download download;
    private final DownloadEnvironment env;

    MetainfoLookup(Download download) {
        this.download = download;
        this.env = download.env();
    }

    Optional<TorrentContent> find(List<SourceEndpoint> sources) throws InterruptedException {
        DownloadSpec spec = download.spec();
        for (MetainfoResolver resolver : env.plugins().metainfoResolvers()) {
            try {
                Optional<byte[]> raw = spec.infoHash() != null ? resolver.byInfoHash(spec.infoHash())
                        : resolver.byEd2k(spec.ed2kHash(), spec.size());
                Optional<TorrentContent> accepted = raw.flatMap(this::accept);
                if (accepted.isPresent()) {
                    return accepted;
                }
            } catch (RuntimeException e) {
                log.debug("download {}: metainfo resolver {} failed: {}", spec.id(), resolver, e.toString());
            }
        }
        for (SourceEndpoint source : sources) {
            Optional<TorrentContent> found = PeerNetwork.P2PNET.equals(source.network())
                    ? fromAgent(source.address(), spec) : fromPeer(source, spec);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A peer of another network (BitTorrent's ut_metadata) can give the metainfo of an info-hash only. */
    private Optional<TorrentContent> fromPeer(SourceEndpoint source, DownloadSpec spec) throws InterruptedException {
        PeerNetwork network = env.plugins().network(source.network());
        if (network == null || spec.infoHash() == null) {
            return Optional.empty();
        }
        try {
            return network.metainfo(source.address(), spec.infoHash()).flatMap(this::accept);
        } catch (RuntimeException e) {
            log.debug("download {}: no metainfo from {}: {}", spec.id(), source.key(), e.toString());
            return Optional.empty();
        }
    }

    private Optional<TorrentContent> fromAgent(InetSocketAddress source, DownloadSpec spec) throws InterruptedException {
        try {
            String infoHash = spec.infoHash();
            if (infoHash == null) {
                Optional<FileInfo> info = env.client().infoByEd2k(source, spec.ed2kHash());
                if (info.isEmpty()) {
                    return Optional.empty();
                }
                infoHash = info.get().infoHash();
            }
            return accept(env.client().torrent(source, infoHash));
        } catch (java.io.IOException | RuntimeException e) {
            log.debug("download {}: no metainfo from {}: {}", spec.id(), source, e.toString());
            return Optional.empty();
        }
    }

    private Optional<TorrentContent> accept(byte[] raw) {
        DownloadSpec spec = download.spec();
        TorrentContent content;
        try {
            content = TorrentContent.parse(raw);
        } catch (InvalidTorrentException | IllegalArgumentException e) {
            log.info("download {}: ignoring an unusable torrent: {}", spec.id(), e.getMessage());
            return Optional.empty();
        }
        if (spec.infoHash() != null && !spec.infoHash().equals(content.infoHash())) {
            log.info("download {}: ignoring torrent {} (wanted {})", spec.id(), content.infoHash(), spec.infoHash());
            return Optional.empty();
        }
        if (spec.size() >= 0 && spec.size() != content.layout().size()) {
            log.info("download {}: ignoring torrent {} of {} bytes (the link says {})", spec.id(), content.infoHash(),
                    content.layout().size(), spec.size());
            return Optional.empty();
        }
        return Optional.of(content);
    }
}
