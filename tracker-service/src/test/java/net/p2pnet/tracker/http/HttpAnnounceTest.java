package net.p2pnet.tracker.http;

import static net.p2pnet.tracker.support.Announce.id20;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.OpenTrackerTest;
import net.p2pnet.tracker.support.TrackerHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@OpenTrackerTest
class HttpAnnounceTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    private int port;
    private TrackerHttp tracker;
    private byte[] infoHash;

    @BeforeEach
    void setUp() {
        tracker = TrackerHttp.loopback(port);
        infoHash = new byte[20];
        RANDOM.nextBytes(infoHash);
        infoHash[0] = (byte) 0xFF; // a byte UTF-8 decoding of the query would have mangled
    }

    @Test
    void compactAnswerListsOtherPeersWithIntervalsAndCounts() {
        tracker.announce(Announce.of(infoHash, id20("seed"), 7001).set("left", "0").set("event", "started"));
        BDictionary answer = tracker.announce(Announce.of(infoHash, id20("leech"), 7002).set("compact", "1"));

        assertThat(answer.integer("interval")).isEqualTo(60);
        assertThat(answer.integer("min interval")).isEqualTo(30);
        assertThat(answer.integer("complete")).isEqualTo(1);
        assertThat(answer.integer("incomplete")).isEqualTo(1);
        // BEP 23: 127.0.0.1:7001, the seeder, not the asker itself
        assertThat(HexFormat.of().formatHex(answer.bytes("peers"))).isEqualTo("7f0000011b59");
    }

    @Test
    void dictionaryModelListsPeerIdsIpsAndPortsUnlessNoPeerId() {
        tracker.announce(Announce.of(infoHash, id20("first"), 7003));
        BDictionary answer = tracker.announce(Announce.of(infoHash, id20("second"), 7004).set("compact", "0"));

        List<BDictionary> peers = answer.list("peers").dictionaries();
        assertThat(peers).hasSize(1);
        assertThat(peers.getFirst().text("ip")).isEqualTo("127.0.0.1");
        assertThat(peers.getFirst().integer("port")).isEqualTo(7003);
        assertThat(peers.getFirst().bytes("peer id")).isEqualTo(id20("first"));

        BDictionary withoutIds = tracker.announce(Announce.of(infoHash, id20("second"), 7004)
                .set("compact", "0").set("no_peer_id", "1"));
        assertThat(withoutIds.list("peers").dictionaries().getFirst().containsKey("peer id")).isFalse();
    }

    @Test
    void ipv6PeersAreReturnedInPeers6() {
        TrackerHttp overIpv6 = new TrackerHttp("[::1]", port);
        overIpv6.announce(Announce.of(infoHash, id20("six"), 7005));
        BDictionary answer = tracker.announce(Announce.of(infoHash, id20("four"), 7006));

        assertThat(answer.bytes("peers")).isEmpty();
        // BEP 7: 16-byte address then port; ::1 port 7005
        assertThat(HexFormat.of().formatHex(answer.bytes("peers6")))
                .isEqualTo("00000000000000000000000000000001" + "1b5d");
        BDictionary seenFromSix = overIpv6.announce(Announce.of(infoHash, id20("six"), 7005));
        assertThat(HexFormat.of().formatHex(seenFromSix.bytes("peers"))).isEqualTo("7f0000011b5e");
    }

    @Test
    void numwantIsCappedDefaultedAndZeroMeansNoPeers() {
        for (int i = 0; i < 9; i++) {
            tracker.announce(Announce.of(infoHash, id20("peer" + i), 7100 + i));
        }
        Announce asker = Announce.of(infoHash, id20("asker"), 7200);
        assertThat(tracker.announce(asker.set("numwant", "1000000")).bytes("peers")).hasSize(5 * 6);
        assertThat(tracker.announce(asker.set("numwant", "99999999999999999")).bytes("peers")).hasSize(5 * 6);
        assertThat(tracker.announce(asker.set("numwant", "2")).bytes("peers")).hasSize(2 * 6);
        assertThat(tracker.announce(asker.set("numwant", "0")).bytes("peers")).isEmpty();
        assertThat(tracker.announce(asker.remove("numwant")).bytes("peers")).hasSize(3 * 6);
    }

    @Test
    void stoppedRemovesThePeerAtOnce() {
        tracker.announce(Announce.of(infoHash, id20("going"), 7301));
        tracker.announce(Announce.of(infoHash, id20("going"), 7301).set("event", "stopped"));
        BDictionary answer = tracker.announce(Announce.of(infoHash, id20("staying"), 7302));

        assertThat(answer.integer("incomplete")).isEqualTo(1);
        assertThat(answer.bytes("peers")).isEmpty();
    }

    @Test
    void completedCountsOncePerPeerAndTurnsItIntoASeeder() {
        Announce peer = Announce.of(infoHash, id20("finisher"), 7401).set("event", "started");
        tracker.announce(peer);
        tracker.announce(peer.set("event", "completed").set("left", "0"));
        tracker.announce(peer.set("event", "completed"));
        BDictionary answer = tracker.announce(peer.set("event", ""));

        assertThat(answer.integer("downloaded")).isEqualTo(1);
        assertThat(answer.integer("complete")).isEqualTo(1);
        assertThat(answer.integer("incomplete")).isZero();
    }

    @Test
    void seedersAreNotSentToSeeders() {
        tracker.announce(Announce.of(infoHash, id20("seedA"), 7501).set("left", "0"));
        BDictionary answer = tracker.announce(Announce.of(infoHash, id20("seedB"), 7502).set("left", "0"));
        assertThat(answer.integer("complete")).isEqualTo(2);
        assertThat(answer.bytes("peers")).isEmpty();
    }

    @Test
    void keyAllowsAnAddressChangeOnlyToItsOwner() {
        TrackerHttp overIpv6 = new TrackerHttp("[::1]", port);
        tracker.announce(Announce.of(infoHash, id20("mobile"), 7601).set("key", "k1"));
        String reason = overIpv6.failureReason(Announce.of(infoHash, id20("mobile"), 7601).set("key", "other"));
        assertThat(reason).contains("key does not match");
        BDictionary moved = overIpv6.announce(Announce.of(infoHash, id20("mobile"), 7601).set("key", "k1"));
        assertThat(moved.integer("incomplete")).isEqualTo(1);
    }

    @Test
    void unknownParametersAndTrackerIdAreIgnored() {
        BDictionary answer = tracker.announce(Announce.of(infoHash, id20("extra"), 7701)
                .set("trackerid", "abc").set("supportcrypto", "1").set("corrupt", "0").set("redundant", "0"));
        assertThat(answer.containsKey("failure reason")).isFalse();
        assertThat(answer.integer("incomplete")).isEqualTo(1);
    }
}
