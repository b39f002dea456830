package net.p2pnet.tracker.http;

import static net.p2pnet.tracker.support.Announce.id20;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.Bencode;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.TrackerHttp;
import net.p2pnet.tracker.swarm.SwarmRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Random, truncated and oversized input over real HTTP: every answer is a well-formed bencoded
 * dictionary (a failure reason or a normal answer), never an error page from an escaped exception,
 * and the swarm and peer limits hold memory down whatever the traffic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.network.secret=test-network-secret-0123456789",
        "p2pnet.data-dir=./target/test-data/${random.uuid}",
        "p2pnet.tracker.max-swarms=200",
        "p2pnet.tracker.max-peers-per-swarm=20",
        // these limits are per tracker; the per-address quotas have QuotaTest
        "p2pnet.tracker.quotas.new-swarms-per-address=100000",
        "p2pnet.tracker.quotas.announces-per-address=100000",
        "p2pnet.tracker.udp.enabled=false"})
class HostileInputTest {

    /** Characters a request line may carry unencoded in a query (RFC 3986), plus the separators. */
    private static final String LEGAL = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$'()*+,;=:@/?%&";
    private static final String[] NAMES = {"info_hash", "peer_id", "port", "left", "uploaded", "downloaded",
        "event", "compact", "numwant", "key", "ip", "no_peer_id", "passkey", "trackerid", "x"};

    @LocalServerPort
    private int port;
    @Autowired
    private SwarmRegistry swarms;
    private TrackerHttp tracker;
    private final Random random = new Random(20261122L);

    @BeforeEach
    void setUp() {
        tracker = TrackerHttp.loopback(port);
    }

    @Test
    void randomQueryStringsAlwaysGetABencodedAnswer() throws Exception {
        for (int i = 0; i < 300; i++) {
            String query = randomQuery();
            BDictionary answer = tracker.rawAnswer("/announce?" + query);
            assertThat(answer.containsKey("failure reason") || answer.containsKey("interval"))
                    .as("answer to %s", query).isTrue();
        }
    }

    @Test
    void truncatedValidAnnouncesGetAFailureReasonOrAnAnswer() throws Exception {
        String full = Announce.of(id20("truncated"), id20("trunc-peer"), 6881).set("event", "started").query();
        for (int cut = 0; cut <= full.length(); cut++) {
            BDictionary answer = tracker.rawAnswer("/announce?" + full.substring(0, cut));
            assertThat(answer.containsKey("failure reason") || answer.containsKey("interval"))
                    .as("answer to a query cut at %d", cut).isTrue();
        }
    }

    @Test
    void randomBytesInTheRequestLineNeverReachAnExceptionPage() throws Exception {
        for (int i = 0; i < 100; i++) {
            byte[] junk = new byte[1 + random.nextInt(200)];
            random.nextBytes(junk);
            byte[] target = ByteBuffer.allocate(10 + junk.length).put("/announce?".getBytes(StandardCharsets.US_ASCII))
                    .put(junk).array();
            String answer = tracker.raw(target);
            // Tomcat refuses request lines with bytes HTTP forbids (400) before our code runs; a space
            // in the junk makes it an HTTP/0.9 request, answered with a bare body. Anything that reaches
            // the tracker must get a bencoded answer.
            if (answer.startsWith("<")) {
                assertThat(answer).as("HTTP/0.9 error page").contains("400").doesNotContain("500");
            } else if (answer.startsWith("HTTP/1.1 200") || !answer.startsWith("HTTP/")) {
                String body = answer.startsWith("HTTP/") ? answer.substring(answer.indexOf("\r\n\r\n") + 4) : answer;
                assertThat(Bencode.decodeDictionary(body.getBytes(StandardCharsets.ISO_8859_1)).size()).isPositive();
            } else {
                assertThat(answer).startsWith("HTTP/1.1 400");
            }
        }
        assertThat(tracker.get("/scrape?info_hash=" + Announce.encode(id20("still-alive"))).containsKey("files")).isTrue();
    }

    @Test
    void manySwarmsAndPeersStopAtTheConfiguredLimits() {
        String reason = "";
        for (int p = 0; p < 25; p++) {
            BDictionary answer = tracker.announce(Announce.of(id20("crowded"), id20("crowd" + p), 7000 + p));
            reason = answer.optionalText("failure reason").orElse(reason);
        }
        assertThat(reason).isEqualTo("swarm is full (20 peers): try again later");
        int refused = 0;
        for (int s = 0; s < 300; s++) {
            byte[] hash = ByteBuffer.allocate(20).putInt(0x5A5A0000 + s).putLong(s).putLong(~s).array();
            BDictionary answer = tracker.announce(Announce.of(hash, id20("many" + s), 7000));
            refused += answer.containsKey("failure reason") ? 1 : 0;
        }
        assertThat(swarms.swarmCount()).isEqualTo(200);
        assertThat(refused).isGreaterThanOrEqualTo(100);
    }

    private String randomQuery() {
        StringBuilder q = new StringBuilder();
        int params = random.nextInt(12);
        for (int p = 0; p < params; p++) {
            if (p > 0) {
                q.append('&');
            }
            q.append(NAMES[random.nextInt(NAMES.length)]);
            if (random.nextInt(8) != 0) {
                q.append('=');
            }
            int length = random.nextInt(70);
            for (int c = 0; c < length; c++) {
                if (random.nextInt(4) == 0) {
                    q.append('%').append(Integer.toHexString(random.nextInt(256)));
                } else {
                    q.append(LEGAL.charAt(random.nextInt(LEGAL.length())));
                }
            }
        }
        return q.toString();
    }
}
