package net.p2pnet.agent.upstream;

import net.p2pnet.agent.bittorrent.BtPeers;
import net.p2pnet.agent.download.PeerNetwork;
import net.p2pnet.agent.transfer.TransferClient;
import net.p2pnet.agent.transfer.TransferServer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.p2pnet.agent.config.AgentProperties;
import net.p2pnet.model.api.Ed2kLocation;
import net.p2pnet.model.api.FileHit;
import net.p2pnet.model.net.BoundedBody;
import net.p2pnet.model.torrent.AnnouncePasskeys;
import net.p2pnet.model.torrent.Metainfo;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the network's tracker: BitTorrent announces (BEP 3 over HTTP, so any standard tracker
 * works) and the p2pnet registry API (register a torrent with its ed2k hash, search, ed2k
 * localisation, fetch a registered .torrent).
 */
@Component
public class TrackerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Azureus-style peer id prefix (BEP 20): client "PN", version 0.1.0. */
    private static final String PEER_ID_PREFIX = "-PN0100-";

    private final String announceUrl;
    /** The announce URL as messages (and logs) show it: without a passkey configured in it. */
    private final String shownUrl;
    private final PeerCredentials credentials;
    private final TransferServer transfer;
    private final BtPeers bittorrent;
    private final JsonMapper json;
    private final byte[] peerId = newPeerId();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public TrackerClient(AgentProperties agent, PeerCredentials credentials, TransferServer transfer,
            BtPeers bittorrent, JsonMapper json) {
        this.bittorrent = bittorrent;
        this.announceUrl = agent.trackerUrl();
        this.shownUrl = AnnouncePasskeys.strip(announceUrl);
        this.credentials = credentials;
        this.transfer = transfer;
        this.json = json;
    }

    /**
     * The port announced to the tracker: the BitTorrent port when the agent speaks BitTorrent (so
     * standard clients given our address can connect; agents find each other's native port in the
     * extension handshake), else the native transfer port.
     */
    public int announcedPort() {
        return bittorrent.enabled() && bittorrent.port() > 0 ? bittorrent.port() : transfer.port();
    }

    /** The network the peers a tracker hands out are reached through (every peer announces as we do). */
    public String announcedNetwork() {
        return bittorrent.enabled() && bittorrent.port() > 0 ? PeerNetwork.BITTORRENT : PeerNetwork.P2PNET;
    }

    /** Whether a tracker is configured at all. */
    public boolean configured() {
        return announceUrl != null && !announceUrl.isBlank();
    }

    /**
     * The announce URL to put in torrents: the tracker URL, never with this agent's passkey, since
     * torrents are handed to others (the transfer port, the tracker registry) and a passkey is the
     * member's tracker identity. Each member announces with its own.
     */
    public String announceUrlForTorrents() {
        return configured() ? shownUrl : null;
    }

    public AnnounceResult announce(String infoHashHex, AnnounceEvent event, long uploaded, long downloaded, long left) {
        requireConfigured();
        StringBuilder query = new StringBuilder()
                .append("info_hash=").append(percentEncode(HexFormat.of().parseHex(infoHashHex)))
                .append("&peer_id=").append(percentEncode(peerId))
                .append("&port=").append(announcedPort())
                .append("&uploaded=").append(uploaded)
                .append("&downloaded=").append(downloaded)
                .append("&left=").append(left)
                .append("&compact=1&numwant=50");
        if (event != AnnounceEvent.NONE) {
            query.append("&event=").append(event.wire());
        }
        String base = withPasskey(announceUrl);
        URI uri = URI.create(base + (base.contains("?") ? "&" : "?") + query);
        return AnnounceResponseParser.parse(send(HttpRequest.newBuilder(uri).GET(), "announce"), shownUrl);
    }

    /** Registers a torrent with the tracker's registry, with the file's ed2k hash for localisation. */
    public void register(byte[] torrent, String ed2kHash) {
        requireConfigured();
        Multipart body = new Multipart().file("torrent", "file.torrent", "application/x-bittorrent",
                        AnnouncePasskeys.strip(torrent)) // the registry hands it to everyone
                .field("ed2k", ed2kHash);
        HttpResponse<byte[]> response = exchange(authorized(HttpRequest.newBuilder(api("/api/v1/torrents")))
                .header("Content-Type", body.contentType()).POST(body.publisher()), "register torrent");
        if (response.statusCode() != 409) { // 409: registered before (by us or another seed), which is the goal
            check(response, "register torrent");
        }
    }

    /** Registered files whose names contain the words. */
    public List<FileHit> search(String words) {
        requireConfigured();
        URI uri = api("/api/v1/files?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
        byte[] body = send(authorized(HttpRequest.newBuilder(uri)).GET(), "search");
        return json.readValue(body, json.getTypeFactory().constructCollectionType(List.class, FileHit.class));
    }

    /** The torrents and live sources of a file known by its ed2k hash; empty when the tracker knows none. */
    public Optional<Ed2kLocation> localise(String ed2kHashHex) {
        requireConfigured();
        HttpResponse<byte[]> response = exchange(authorized(HttpRequest.newBuilder(
                api("/api/v1/files/ed2k/" + ed2kHashHex))).GET(), "ed2k localisation");
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(check(response, "ed2k localisation"), Ed2kLocation.class));
    }

    /** A registered .torrent, empty when the tracker does not know the info-hash. */
    public Optional<byte[]> torrent(String infoHashHex) {
        requireConfigured();
        HttpResponse<byte[]> response = exchange(authorized(HttpRequest.newBuilder(
                api("/api/v1/torrents/" + infoHashHex + "/torrent"))).GET(), "fetch torrent", Metainfo.MAX_TORRENT_BYTES);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(check(response, "fetch torrent"));
    }

    private byte[] send(HttpRequest.Builder request, String what) {
        return check(exchange(request, what), what);
    }

    /** Announces and JSON answers: a compact peer list of numwant=50 is 300 bytes, so 1 MiB is plenty. */
    private HttpResponse<byte[]> exchange(HttpRequest.Builder request, String what) {
        return exchange(request, what, BoundedBody.JSON);
    }

    private HttpResponse<byte[]> exchange(HttpRequest.Builder request, String what, int max) {
        try {
            return BoundedBody.send(http, request.timeout(TIMEOUT).build(), BoundedBody.bytes(max), TIMEOUT);
        } catch (IOException e) {
            throw new UpstreamException("tracker " + shownUrl + " unreachable (" + what + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException("interrupted while calling the tracker (" + what + ")", e);
        }
    }

    private byte[] check(HttpResponse<byte[]> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new UpstreamException("tracker " + shownUrl + " answered " + response.statusCode() + " to " + what
                    + ": " + UpstreamProblem.describe(response.body()));
        }
        return response.body();
    }

    /**
     * A private tracker answers its API only to members, and checks who asks from the headers
     * before it reads a body: the passkey goes in {@code X-Passkey} (it also makes us the owner of
     * the torrents we register, the only member who may delete them).
     */
    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        credentials.passkey().ifPresent(passkey -> request.header("X-Passkey", passkey));
        return request;
    }

    private URI api(String pathAndQuery) {
        URI announce = URI.create(announceUrl);
        return announce.resolve(pathAndQuery);
    }

    private String withPasskey(String url) {
        return credentials.passkey()
                .map(key -> url + (url.contains("?") ? "&" : "?") + "passkey=" + key)
                .orElse(url);
    }

    private void requireConfigured() {
        if (!configured()) {
            throw new UpstreamException("no tracker is configured (p2pnet.agent.tracker-url)");
        }
    }

    /** BEP 3: binary values are URL-encoded byte by byte; unreserved characters stay as they are. */
    static String percentEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static byte[] newPeerId() {
        byte[] id = new byte[20];
        byte[] prefix = PEER_ID_PREFIX.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, id, 0, prefix.length);
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        SecureRandom random = new SecureRandom();
        for (int i = prefix.length; i < id.length; i++) {
            id[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return id;
    }
}
