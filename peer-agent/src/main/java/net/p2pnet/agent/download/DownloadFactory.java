package net.p2pnet.agent.download;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import net.p2pnet.agent.config.MirrorAddresses;
import net.p2pnet.agent.storage.TorrentContent;
import net.p2pnet.model.api.AddDownloadRequest;
import net.p2pnet.model.link.Ed2kLink;
import net.p2pnet.model.link.InvalidLinkException;
import net.p2pnet.model.link.MagnetLink;
import net.p2pnet.model.net.BoundedBody;
import net.p2pnet.model.net.ServerAddress;
import net.p2pnet.model.text.Excerpt;
import net.p2pnet.model.torrent.AnnouncePasskeys;
import net.p2pnet.model.torrent.InvalidTorrentException;
import net.p2pnet.model.torrent.Metainfo;

/**
 * Turns what a user gives (a link, a torrent file, mirrors, sources) into a {@link Download}, or says
 * clearly why not. Everything is checked before anything is stored.
 */
final class DownloadFactory {

    private static final Duration TORRENT_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REDIRECTS = 5;

    private final DownloadEnvironment env;
    private final MirrorAddresses mirrors;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    DownloadFactory(DownloadEnvironment env, MirrorAddresses mirrors) {
        this.env = env;
        this.mirrors = mirrors;
    }

    DownloadEnvironment environment() {
        return env;
    }

    Download fromLink(AddDownloadRequest request) {
        String link = request.link() == null ? "" : request.link().strip();
        checkExtras(request.mirrors(), request.sources());
        String lower = link.toLowerCase(Locale.ROOT);
        if (link.isEmpty()) {
            throw new InvalidDownloadException("a link is required: magnet:?xt=urn:btih:..., ed2k://|file|...|/ or an"
                    + " http(s) URL of a .torrent");
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return fromTorrent(fetchTorrent(link), request.mirrors(), request.sources(), link);
        }
        try {
            if (lower.startsWith("magnet:")) {
                MagnetLink magnet = MagnetLink.parse(link);
                List<String> mirrors = new ArrayList<>(request.mirrors());
                mirrors.addAll(magnet.webSeeds());
                checkExtras(mirrors, List.of());
                return fromIdentity(link, magnet.infoHash().hex(), null,
                        magnet.length() == null ? -1 : magnet.length(), mirrors, request.sources());
            }
            if (lower.startsWith("ed2k:")) {
                Ed2kLink ed2k = Ed2kLink.parse(link);
                return fromIdentity(link, null, ed2k.hash(), ed2k.size(), request.mirrors(), request.sources());
            }
        } catch (InvalidLinkException e) {
            throw new InvalidDownloadException("malformed link '" + abbreviate(link) + "': " + e.getMessage(), e);
        }
        throw new InvalidDownloadException("unsupported link '" + abbreviate(link) + "': use magnet:, ed2k:// or an"
                + " http(s) URL of a .torrent");
    }

    Download fromTorrent(byte[] torrent, List<String> mirrors, List<String> sources, String link) {
        checkExtras(mirrors, sources);
        if (torrent == null || torrent.length == 0) {
            throw new InvalidDownloadException("the .torrent file is empty");
        }
        TorrentContent content;
        try {
            content = TorrentContent.parse(torrent);
        } catch (InvalidTorrentException | IllegalArgumentException e) {
            throw new InvalidDownloadException("not a usable .torrent: " + e.getMessage(), e);
        }
        DownloadSpec spec = new DownloadSpec(newId(), env.clock().millis(), link, content.infoHash(), null, -1,
                torrent, mirrors, sources, false);
        env.store().save(spec);
        return new Download(spec, content, env);
    }

    private Download fromIdentity(String link, String infoHash, String ed2kHash, long size, List<String> mirrors,
                                  List<String> sources) {
        DownloadSpec spec = new DownloadSpec(newId(), env.clock().millis(), link, infoHash, ed2kHash, size, null,
                mirrors, sources, false);
        env.store().save(spec);
        return new Download(spec, null, env);
    }

    /** A download as stored before a restart. */
    Download restore(DownloadSpec spec) {
        TorrentContent content = spec.torrent() == null ? null : TorrentContent.parse(spec.torrent());
        return new Download(spec, content, env);
    }

    /**
     * The link itself is the user's choice; a redirect is followed only where the agent would fetch
     * a mirror (the user's link must not become a way into the user's own network).
     */
    private byte[] fetchTorrent(String link) {
        String url = abbreviate(link);
        try {
            URI uri = URI.create(link);
            for (int hops = 0; ; hops++) {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(TORRENT_TIMEOUT).build();
                HttpResponse<byte[]> response = BoundedBody.send(http, request, BoundedBody.bytes(Metainfo.MAX_TORRENT_BYTES),
                        TORRENT_TIMEOUT);
                int status = response.statusCode();
                Optional<String> location = response.headers().firstValue("Location");
                if (status / 100 == 3 && location.isPresent() && hops < MAX_REDIRECTS) {
                    uri = uri.resolve(location.get());
                    Optional<String> refused = mirrors.refusal(uri);
                    if (refused.isPresent()) {
                        throw new InvalidDownloadException("the torrent at " + url + " redirects elsewhere: "
                                + refused.get());
                    }
                    continue;
                }
                if (status != 200) {
                    throw new InvalidDownloadException("cannot fetch the torrent at " + url + ": HTTP " + status);
                }
                return response.body();
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidDownloadException("'" + abbreviate(url) + "' is not a valid URL: " + e.getMessage(), e);
        } catch (BoundedBody.TooLargeException e) {
            throw new InvalidDownloadException("the answer of " + url + " is not a torrent: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidDownloadException("cannot fetch the torrent at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidDownloadException("interrupted while fetching " + url, e);
        }
    }

    /** Mirrors (the user's, a magnet's web seeds) pass the same address rule as every mirror fetch. */
    private void checkExtras(List<String> mirrors, List<String> sources) {
        for (String mirror : mirrors) {
            Optional<URI> uri = Swarm.mirrorUri(mirror == null ? "" : mirror, "x");
            if (uri.isEmpty()) {
                throw new InvalidDownloadException("mirror '" + abbreviate(String.valueOf(mirror))
                        + "' is not an http(s) URL");
            }
            this.mirrors.refusal(uri.get()).ifPresent(refusal -> {
                throw new InvalidDownloadException(refusal);
            });
        }
        for (String source : sources) {
            try {
                ServerAddress.parse(source);
            } catch (IllegalArgumentException e) {
                throw new InvalidDownloadException("source " + e.getMessage(), e);
            }
        }
    }

    /** For messages (and so logs): no control characters, no passkey, a long value cut short. */
    static String abbreviate(String text) {
        return Excerpt.printable(AnnouncePasskeys.strip(text));
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
