package net.p2pnet.tracker.quota;

import static net.p2pnet.tracker.support.Announce.id20;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.TrackerHttp;
import net.p2pnet.tracker.support.UdpClient;
import net.p2pnet.tracker.swarm.SwarmRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One address flooding the tracker (the replayed attack: 105k UDP announces with random info-hashes
 * filled the swarm cap, and new torrents got "tracker is full") is held to its quota, over UDP and
 * HTTP alike, while other addresses are served. Each test plays its own machines on 127.0.0.0/8;
 * the window is so long that no test straddles two. The tracker runs as in a Kubernetes pod, where
 * Spring Boot would otherwise take client addresses from {@code X-Forwarded-For}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.network.secret=test-network-secret-0123456789",
        "p2pnet.data-dir=./target/test-data/${random.uuid}",
        "p2pnet.tracker.quotas.new-swarms-per-address=20",
        "p2pnet.tracker.quotas.announces-per-address=300",
        "p2pnet.tracker.quotas.window=1000d",
        // what Spring Boot detects in a Kubernetes pod; it would trust X-Forwarded-For from pod addresses
        "spring.main.cloud-platform=kubernetes"})
class QuotaTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    private int port;
    @Autowired
    private SwarmRegistry swarms;

    private static byte[] randomHash() {
        byte[] hash = new byte[20];
        RANDOM.nextBytes(hash);
        return hash;
    }

    @Test
    void aFloodOfRandomInfoHashesFromOneAddressStopsAtItsNewSwarmQuota() throws Exception {
        int before = swarms.swarmCount();
        int refused = 0;
        try (UdpClient flooder = new UdpClient("127.0.0.2", port).connect()) {
            for (int i = 0; i < 250; i++) {
                UdpClient.Answer answer = flooder.announce(randomHash(), id20("flood" + i), UdpClient.STARTED, 1, 9000);
                if (answer.refused()) {
                    assertThat(answer.error()).startsWith("too many new torrents from your address (at most 20");
                    refused++;
                }
            }
        }
        assertThat(refused).isEqualTo(230);
        assertThat(swarms.swarmCount() - before).isEqualTo(20);
        // the same rule over HTTP, for the same address
        assertThat(TrackerHttp.from("127.0.0.2", port).failureReason(Announce.of(randomHash(), id20("h"), 9001)))
                .startsWith("too many new torrents");
        // everyone else still starts new torrents, over both protocols
        assertThat(TrackerHttp.from("127.0.0.3", port).announce(Announce.of(randomHash(), id20("honest"), 9002))
                .containsKey("failure reason")).isFalse();
        try (UdpClient honest = new UdpClient("127.0.0.3", port).connect()) {
            assertThat(honest.announce(randomHash(), id20("honest-udp"), UdpClient.STARTED, 2, 9003).refused()).isFalse();
        }
    }

    @Test
    void anAnnounceFloodFromOneAddressStopsAtItsAnnounceQuota() throws Exception {
        byte[] hash = randomHash();
        TrackerHttp flooder = TrackerHttp.from("127.0.0.4", port);
        String reason = null;
        int accepted = 0;
        for (int i = 0; i < 400 && reason == null; i++) {
            reason = flooder.announce(Announce.of(hash, id20("loud"), 9010)).optionalText("failure reason").orElse(null);
            accepted += reason == null ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(300);
        assertThat(reason).startsWith("too many announces from your address (at most 300 per");
        try (UdpClient sameMachine = new UdpClient("127.0.0.4", port).connect()) {
            assertThat(sameMachine.announce(hash, id20("loud-udp"), 0, 3, 9011).error()).startsWith("too many announces");
        }
        assertThat(TrackerHttp.from("127.0.0.5", port).announce(Announce.of(hash, id20("quiet"), 9012))
                .integer("incomplete")).isEqualTo(2);
    }

    @Test
    void forwardedForHeadersChooseNeitherThePeerAddressNorTheCountedOne() {
        byte[] hash = randomHash();
        TrackerHttp spoofer = TrackerHttp.from("127.0.0.6", port);
        for (int i = 0; i < 25; i++) {
            spoofer.get("/announce?" + Announce.of(randomHash(), id20("spoof" + i), 9020).query(),
                    "X-Forwarded-For", "10.0.0." + i);
        }
        assertThat(TrackerHttp.failureReason(spoofer.get("/announce?" + Announce.of(hash, id20("spoof"), 9021).query(),
                "X-Forwarded-For", "10.9.9.9"))).startsWith("too many new torrents");
        byte[] peers = TrackerHttp.from("127.0.0.7", port).get("/announce?" + Announce.of(hash, id20("first"), 9022)
                .query()).bytes("peers");
        assertThat(peers).isEmpty();
        peers = TrackerHttp.from("127.0.0.8", port).get("/announce?" + Announce.of(hash, id20("second"), 9023).query(),
                "X-Forwarded-For", "10.1.2.3").bytes("peers");
        assertThat(peers).as("the first peer, at its socket address").containsExactly(127, 0, 0, 7, 9022 >> 8, 9022 & 0xFF);
        peers = TrackerHttp.from("127.0.0.9", port).get("/announce?" + Announce.of(hash, id20("third"), 9024).query())
                .bytes("peers");
        assertThat(peers).as("the second peer was recorded at its socket address, not 10.1.2.3")
                .containsSequence((byte) 127, (byte) 0, (byte) 0, (byte) 8, (byte) (9023 >> 8), (byte) (9023 & 0xFF));
    }
}
