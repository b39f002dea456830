package net.p2pnet.tracker.http;

import static net.p2pnet.tracker.support.Announce.id20;
import static org.assertj.core.api.Assertions.assertThat;

import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.OpenTrackerTest;
import net.p2pnet.tracker.support.TrackerHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** BEP 48 scrape: one hash, many hashes, the whole tracker, and refusals. */
@OpenTrackerTest
class HttpScrapeTest {

    @LocalServerPort
    private int port;
    private TrackerHttp tracker;
    private final byte[] a = id20("scrape-a");
    private final byte[] b = id20("scrape-b");

    @BeforeEach
    void setUp() {
        tracker = TrackerHttp.loopback(port);
        tracker.announce(Announce.of(a, id20("sa1"), 9401).set("left", "0").set("event", "completed"));
        tracker.announce(Announce.of(a, id20("sa2"), 9402));
        tracker.announce(Announce.of(b, id20("sb1"), 9403));
    }

    private static BDictionary file(BDictionary answer, byte[] hash) {
        return answer.dictionary("files").get(new String(hash, java.nio.charset.StandardCharsets.ISO_8859_1))
                .map(BDictionary.class::cast).orElseGet(() -> (BDictionary) answer.dictionary("files").entries()
                        .get(BString.of(hash)));
    }

    @Test
    void scrapesOneManyAndAllInfoHashes() {
        BDictionary one = tracker.get("/scrape?info_hash=" + Announce.encode(a));
        assertThat(one.dictionary("files").size()).isEqualTo(1);
        BDictionary statsA = file(one, a);
        assertThat(statsA.integer("complete")).isEqualTo(1);
        assertThat(statsA.integer("incomplete")).isEqualTo(1);
        assertThat(statsA.integer("downloaded")).isEqualTo(1);

        BDictionary two = tracker.get("/scrape?info_hash=" + Announce.encode(a) + "&info_hash=" + Announce.encode(b));
        assertThat(two.dictionary("files").size()).isEqualTo(2);
        assertThat(file(two, b).integer("incomplete")).isEqualTo(1);

        BDictionary all = tracker.get("/scrape");
        assertThat(all.dictionary("files").entries()).containsKeys(BString.of(a), BString.of(b));
        assertThat(all.dictionary("flags").integer("min_request_interval")).isEqualTo(30);
    }

    @Test
    void unknownHashesReportZerosAndBadHashesAreRefused() {
        byte[] unknown = id20("scrape-unknown");
        BDictionary answer = tracker.get("/scrape?info_hash=" + Announce.encode(unknown));
        assertThat(file(answer, unknown).integer("complete")).isZero();
        assertThat(TrackerHttp.failureReason(tracker.get("/scrape?info_hash=abc")))
                .isEqualTo("invalid info_hash: expected 20 bytes, got 3");
    }
}
