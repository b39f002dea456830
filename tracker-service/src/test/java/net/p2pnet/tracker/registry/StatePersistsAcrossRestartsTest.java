package net.p2pnet.tracker.registry;

import static net.p2pnet.tracker.support.Announce.id20;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HexFormat;
import net.p2pnet.model.api.TrackedTorrent;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.tracker.TrackerApplication;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.Api;
import net.p2pnet.tracker.support.Torrents;
import net.p2pnet.tracker.support.TrackerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;

/** Registered torrents and completed counts survive a restart (H2 file in the data directory). */
class StatePersistsAcrossRestartsTest {

    @TempDir
    private Path dir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TrackerApplication.class).run("--server.port=0",
                "--p2pnet.network.secret=test-network-secret-0123456789",
                "--p2pnet.data-dir=" + dir.resolve("data"), "--p2pnet.tracker.udp.enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void registeredTorrentsAndCompletedCountsAreThereAfterARestart() throws Exception {
        byte[] torrent = Torrents.singleFile(dir, "kept.bin", 5000);
        byte[] infoHash;
        try (ConfigurableApplicationContext first = start()) {
            TrackedTorrent created = Api.rest(port(first)).post().uri("/api/v1/torrents")
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(Api.form(torrent, null)).retrieve()
                    .body(TrackedTorrent.class);
            infoHash = HexFormat.of().parseHex(created.infoHash());
            TrackerHttp.loopback(port(first)).announce(Announce.of(infoHash, id20("done"), 9601)
                    .set("left", "0").set("event", "completed"));
        } // a clean stop writes the counters

        try (ConfigurableApplicationContext second = start()) {
            BDictionary scrape = TrackerHttp.loopback(port(second)).get("/scrape?info_hash=" + Announce.encode(infoHash));
            BDictionary stats = (BDictionary) scrape.dictionary("files").entries().get(BString.of(infoHash));
            assertThat(stats.integer("downloaded")).isEqualTo(1);
            assertThat(stats.integer("complete")).as("peers are not persisted").isZero();
            TrackedTorrent kept = Api.rest(port(second)).get().uri("/api/v1/torrents/{h}", HexFormat.of().formatHex(infoHash))
                    .retrieve().body(TrackedTorrent.class);
            assertThat(kept.name()).isEqualTo("kept.bin");
            assertThat(kept.completed()).isEqualTo(1);
        }
    }
}
