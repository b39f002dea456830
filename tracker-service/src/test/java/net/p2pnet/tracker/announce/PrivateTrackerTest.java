package net.p2pnet.tracker.announce;

import static net.p2pnet.tracker.support.Announce.id20;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import net.p2pnet.model.api.TrackedTorrent;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.Passkey;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.tracker.config.TrackerProperties;
import net.p2pnet.tracker.registry.TorrentCatalog;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.Api;
import net.p2pnet.tracker.support.PrivateTracker;
import net.p2pnet.tracker.support.Torrents;
import net.p2pnet.tracker.support.TrackerHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Private mode: registered torrents only, valid passkeys only; plus the allowed-directory watch. */
@PrivateTracker
class PrivateTrackerTest {

    private static final NetworkKey NETWORK = PrivateTracker.Members.NETWORK;

    @LocalServerPort
    private int port;
    @Autowired
    private TrackerProperties properties;
    @Autowired
    private TorrentCatalog catalog;
    @TempDir
    private Path dir;
    private TrackerHttp tracker;
    private RestClient rest;
    private final String passkey = new Passkey("alice", Instant.now().plusSeconds(3600)).encode(NETWORK);

    @BeforeEach
    void setUp() {
        tracker = TrackerHttp.loopback(port);
        rest = Api.rest(port);
    }

    private byte[] registered(String name) throws Exception {
        byte[] torrent = Torrents.singleFile(dir, name, 3000);
        TrackedTorrent created = rest.post().uri("/api/v1/torrents").header("X-Passkey", passkey)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(Api.form(torrent, null)).retrieve()
                .body(TrackedTorrent.class);
        return HexFormat.of().parseHex(created.infoHash());
    }

    @Test
    void validPasskeyInThePathOrQueryAnnouncesARegisteredTorrent() throws Exception {
        byte[] hash = registered("private.bin");
        BDictionary viaPath = tracker.get("/a/" + passkey + "/announce?" + Announce.of(hash, id20("p1"), 9501).query());
        assertThat(viaPath.integer("incomplete")).isEqualTo(1);
        BDictionary viaQuery = tracker.announce(Announce.of(hash, id20("p2"), 9502).set("passkey", passkey));
        assertThat(viaQuery.integer("incomplete")).isEqualTo(2);
        BDictionary scrape = tracker.get("/a/" + passkey + "/scrape?info_hash=" + Announce.encode(hash));
        assertThat(scrape.dictionary("files").size()).isEqualTo(1);
    }

    @Test
    void missingForgedExpiredOrForeignPasskeysAreRefused() throws Exception {
        byte[] hash = registered("refusals.bin");
        Announce announce = Announce.of(hash, id20("mallory"), 9503);
        assertThat(tracker.failureReason(announce)).startsWith("this tracker is private");
        String forged = passkey.substring(0, passkey.length() - 2) + (passkey.endsWith("AA") ? "BB" : "AA");
        assertThat(tracker.failureReason(announce.set("passkey", forged))).startsWith("invalid passkey");
        String expired = new Passkey("alice", Instant.now().minusSeconds(5)).encode(NETWORK);
        assertThat(tracker.failureReason(announce.set("passkey", expired))).contains("expired");
        String foreign = new Passkey("alice", Instant.now().plusSeconds(60))
                .encode(NetworkKey.derive("other-net", "another-network-secret-987654"));
        assertThat(tracker.failureReason(announce.set("passkey", foreign))).startsWith("invalid passkey");
        assertThat(TrackerHttp.failureReason(tracker.get("/scrape"))).startsWith("this tracker is private");
    }

    @Test
    void unregisteredTorrentsAreRefusedEvenWithAValidPasskey() {
        String reason = tracker.failureReason(Announce.of(id20("not-registered"), id20("p3"), 9504).set("passkey", passkey));
        assertThat(reason).startsWith("unregistered torrent");
    }

    @Test
    void registryChangesNeedAPasskey() throws Exception {
        byte[] torrent = Torrents.singleFile(dir, "nopass.bin", 100);
        Api.assertProblem(rest.post().uri("/api/v1/torrents").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(Api.form(torrent, null)).retrieve().toEntity(String.class), 401, "this tracker is private");
        byte[] hash = registered("delete-me.bin");
        Api.assertProblem(rest.delete().uri("/api/v1/torrents/{h}", HexFormat.of().formatHex(hash))
                .retrieve().toEntity(String.class), 401, "this tracker is private");
        assertThat(rest.delete().uri("/api/v1/torrents/{h}?passkey={p}", HexFormat.of().formatHex(hash), passkey)
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(204);
        assertThat(tracker.failureReason(Announce.of(hash, id20("late"), 9505).set("passkey", passkey)))
                .startsWith("unregistered torrent");
    }

    @Test
    void torrentsDroppedInTheAllowedDirectoryAreRegisteredAndRemovedOnesUnregistered() throws Exception {
        Path allowed = properties.allowedDir();
        byte[] torrent = Torrents.singleFile(dir, "dropped.bin", 2000);
        var infoHash = Metainfo.read(torrent).infoHash();
        var key = net.p2pnet.tracker.swarm.Key20.of(infoHash.bytes());
        Files.write(allowed.resolve("garbage.torrent"), "not a torrent".getBytes());
        Path tmp = Files.write(allowed.resolve("dropped.torrent.part"), torrent);
        Files.move(tmp, allowed.resolve("dropped.torrent"));

        await().atMost(Duration.ofSeconds(30)).until(() -> catalog.contains(key));
        BDictionary answer = tracker.announce(Announce.of(infoHash.bytes(), id20("dir-peer"), 9506).set("passkey", passkey));
        assertThat(answer.integer("incomplete")).isEqualTo(1);
        assertThat(catalog.all()).noneMatch(t -> t.name().equals("garbage"));

        Files.delete(allowed.resolve("dropped.torrent"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !catalog.contains(key));
        assertThat(tracker.failureReason(Announce.of(infoHash.bytes(), id20("dir-peer"), 9506).set("passkey", passkey)))
                .startsWith("unregistered torrent");
    }
}
