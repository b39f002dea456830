package net.p2pnet.tracker.swarm;

import static net.p2pnet.tracker.support.Announce.id20;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.OpenTrackerTest;
import net.p2pnet.tracker.support.TrackerHttp;
import net.p2pnet.tracker.support.UdpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Somebody who learnt a peer id (it is in every non-compact peer list) tries to remove the peer
 * ({@code event=stopped}) or move it to their own address. 127.0.0.1 is the victim, ::1 the attacker.
 */
@OpenTrackerTest
class PeerTakeoverTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    private int port;
    private TrackerHttp victim;
    private TrackerHttp attacker;
    private final byte[] infoHash = new byte[20];

    @BeforeEach
    void setUp() {
        victim = TrackerHttp.loopback(port);
        attacker = new TrackerHttp("[::1]", port);
        RANDOM.nextBytes(infoHash);
    }

    private long leechers() {
        return victim.get("/scrape?info_hash=" + Announce.encode(infoHash)).dictionary("files").entries()
                .values().stream().mapToLong(v -> ((net.p2pnet.model.bencode.BDictionary) v).integer("incomplete"))
                .sum();
    }

    @Test
    void stoppingOrMovingAPeerNeedsTheKeyItAnnouncedWith() {
        victim.announce(Announce.of(infoHash, id20("victim"), 7801).set("key", "secret-key"));
        assertThat(attacker.failureReason(Announce.of(infoHash, id20("victim"), 7801).set("event", "stopped")))
                .isEqualTo("event=stopped for this peer id refused: key does not match");
        assertThat(attacker.failureReason(Announce.of(infoHash, id20("victim"), 7801).set("event", "stopped")
                .set("key", "guess"))).contains("key does not match");
        // even from the victim's own address: the key, not the address, is the proof
        assertThat(victim.failureReason(Announce.of(infoHash, id20("victim"), 7801).set("event", "stopped")))
                .contains("key does not match");
        assertThat(attacker.failureReason(Announce.of(infoHash, id20("victim"), 6666).set("key", "guess")))
                .contains("key does not match");
        assertThat(leechers()).isEqualTo(1);
        byte[] peers = victim.announce(Announce.of(infoHash, id20("other"), 7802)).bytes("peers");
        assertThat(peers).as("the victim is still listed at its own port")
                .isEqualTo(new byte[] {127, 0, 0, 1, (byte) (7801 >> 8), (byte) 7801});

        victim.announce(Announce.of(infoHash, id20("victim"), 7801).set("event", "stopped").set("key", "secret-key"));
        assertThat(leechers()).isEqualTo(1);
    }

    @Test
    void aPeerWithoutKeyCanOnlyBeStoppedOrMovedFromItsOwnIp() {
        victim.announce(Announce.of(infoHash, id20("keyless"), 7811));
        assertThat(attacker.failureReason(Announce.of(infoHash, id20("keyless"), 7811).set("event", "stopped")))
                .isEqualTo("event=stopped for this peer id refused: it announced without a key from another IP address");
        assertThat(attacker.failureReason(Announce.of(infoHash, id20("keyless"), 7812).set("key", "mine")))
                .contains("without a key from another IP address");
        assertThat(leechers()).isEqualTo(1);
        // same IP, new port (a restarted client): allowed, as is its stop
        victim.announce(Announce.of(infoHash, id20("keyless"), 7813));
        victim.announce(Announce.of(infoHash, id20("keyless"), 7813).set("event", "stopped"));
        assertThat(leechers()).isZero();
    }

    @Test
    void udpStopsAndMovesNeedTheKeyToo() throws Exception {
        try (UdpClient peer = new UdpClient("127.0.0.1", port).connect();
             UdpClient neighbour = new UdpClient("127.0.0.1", port).connect();
             UdpClient remote = new UdpClient("::1", port).connect()) {
            assertThat(peer.announce(infoHash, id20("udp-victim"), UdpClient.STARTED, 0x1234, 7821).refused()).isFalse();
            assertThat(remote.announce(infoHash, id20("udp-victim"), UdpClient.STOPPED, 0, 7821).error())
                    .contains("key does not match");
            assertThat(neighbour.announce(infoHash, id20("udp-victim"), UdpClient.STOPPED, 0x4321, 7821).error())
                    .contains("key does not match");
            assertThat(remote.announce(infoHash, id20("udp-victim"), 0, 0x4321, 6666).error())
                    .contains("key does not match");
            assertThat(leechers()).isEqualTo(1);
            assertThat(peer.announce(infoHash, id20("udp-victim"), UdpClient.STOPPED, 0x1234, 7821).refused()).isFalse();
            assertThat(leechers()).isZero();
        }
    }
}
