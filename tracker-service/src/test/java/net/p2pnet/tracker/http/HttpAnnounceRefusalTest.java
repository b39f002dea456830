package net.p2pnet.tracker.http;

import static net.p2pnet.tracker.support.Announce.id20;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.OpenTrackerTest;
import net.p2pnet.tracker.support.TrackerHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every malformed announce gets HTTP 200 and a bencoded failure reason that names the problem (BEP 3). */
@OpenTrackerTest
class HttpAnnounceRefusalTest {

    @LocalServerPort
    private int port;
    private TrackerHttp tracker;
    private final byte[] hash = id20("refusals");

    @BeforeEach
    void setUp() {
        tracker = TrackerHttp.loopback(port);
    }

    private Announce valid() {
        return Announce.of(hash, id20("refused-peer"), 6881);
    }

    @Test
    void missingOrWrongLengthInfoHashIsRefused() {
        assertThat(tracker.failureReason(valid().remove("info_hash"))).isEqualTo("missing info_hash");
        assertThat(tracker.failureReason(valid().set("info_hash", "%01%02%03")))
                .isEqualTo("invalid info_hash: expected 20 bytes, got 3");
        assertThat(tracker.failureReason(valid().set("info_hash", Announce.encode(new byte[21]))))
                .isEqualTo("invalid info_hash: expected 20 bytes, got 21");
    }

    @Test
    void missingOrWrongLengthPeerIdIsRefused() {
        assertThat(tracker.failureReason(valid().remove("peer_id"))).isEqualTo("missing peer_id");
        assertThat(tracker.failureReason(valid().set("peer_id", "short"))).isEqualTo("invalid peer_id: expected 20 bytes, got 5");
    }

    @Test
    void badPortsAreRefused() {
        assertThat(tracker.failureReason(valid().remove("port"))).isEqualTo("missing port");
        assertThat(tracker.failureReason(valid().set("port", "0"))).isEqualTo("invalid port: 0");
        assertThat(tracker.failureReason(valid().set("port", "65536"))).isEqualTo("invalid port: 65536 is larger than 65535");
        assertThat(tracker.failureReason(valid().set("port", "-1"))).isEqualTo("invalid port: expected a non-negative decimal number");
        assertThat(tracker.failureReason(valid().set("port", "http"))).isEqualTo("invalid port: expected a non-negative decimal number");
    }

    @Test
    void malformedPercentEncodingIsRefused() throws Exception {
        String good = Announce.encode(hash);
        String truncated = valid().set("info_hash", good.substring(0, good.length() - 2)).query();
        assertThat(TrackerHttp.failureReason(tracker.rawAnswer("/announce?" + truncated)))
                .isEqualTo("malformed percent-encoding in info_hash");
        String notHex = valid().set("info_hash", "%G1" + good.substring(3)).query();
        assertThat(TrackerHttp.failureReason(tracker.rawAnswer("/announce?" + notHex)))
                .isEqualTo("malformed percent-encoding in info_hash");
        assertThat(TrackerHttp.failureReason(tracker.rawAnswer("/announce?info_hash=%")))
                .isEqualTo("malformed percent-encoding in info_hash");
    }

    @Test
    void badNumbersAndEventsAreRefused() {
        assertThat(tracker.failureReason(valid().remove("left"))).isEqualTo("missing left");
        assertThat(tracker.failureReason(valid().set("left", "1e9"))).contains("invalid left");
        assertThat(tracker.failureReason(valid().set("uploaded", "x"))).contains("invalid uploaded");
        assertThat(tracker.failureReason(valid().set("numwant", "-5"))).contains("invalid numwant");
        assertThat(tracker.failureReason(valid().set("downloaded", "99999999999999999999999")))
                .contains("invalid downloaded");
        assertThat(tracker.failureReason(valid().set("event", "paused")))
                .isEqualTo("invalid event: expected started, completed, stopped or empty");
    }

    @Test
    void unknownPathsAndEmptyQueriesGetFailureReasonsToo() throws Exception {
        assertThat(TrackerHttp.failureReason(tracker.get("/announce"))).isEqualTo("missing info_hash");
        assertThat(TrackerHttp.failureReason(tracker.get("/a/somekey/elsewhere"))).contains("unknown tracker path");
        HttpResponse<byte[]> response = tracker.send("/announce?" + valid().remove("port").query());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    }
}
