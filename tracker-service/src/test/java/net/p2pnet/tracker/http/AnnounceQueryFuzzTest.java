package net.p2pnet.tracker.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import net.p2pnet.tracker.swarm.PeerAnnounce;
import net.p2pnet.tracker.swarm.TrackerRefusal;

/**
 * Any announce or scrape query string (any path too) is a valid announce or a TrackerRefusal with a
 * short reason, never another exception. Jazzer target (corpus in {@code AnnounceQueryFuzzTestInputs/};
 * see docs/fuzzing.md).
 */
class AnnounceQueryFuzzTest {

    private static final byte[] REMOTE = {127, 0, 0, 1};

    @FuzzTest(maxDuration = "30s")
    void anyQueryIsAnAnnounceOrARefusal(byte[] input) {
        // The request line arrives as ISO-8859-1 text: every byte is one char.
        String uri = new String(input, StandardCharsets.ISO_8859_1);
        int question = uri.indexOf('?');
        TrackerPath.of(question < 0 ? uri : uri.substring(0, question));
        RawQuery query = RawQuery.parse(question < 0 ? uri : uri.substring(question + 1));
        for (boolean honourIp : new boolean[] {false, true}) {
            try {
                PeerAnnounce announce = HttpAnnounce.parse(query, REMOTE, honourIp).request();
                assertThat(announce.port()).isBetween(1, 65535);
                assertThat(announce.left()).isNotNegative();
                assertThat(announce.address().length).isIn(4, 16);
            } catch (TrackerRefusal expected) {
                assertThat(expected.getMessage()).hasSizeLessThan(600);
            }
        }
        for (RawQuery.Param p : query.params()) {
            try {
                assertThat(query.bytes(p).length).isLessThanOrEqualTo(input.length);
                HttpAnnounce.key20(query, p);
            } catch (TrackerRefusal expected) {
                assertThat(expected.getMessage()).hasSizeLessThan(600);
            }
        }
    }
}
