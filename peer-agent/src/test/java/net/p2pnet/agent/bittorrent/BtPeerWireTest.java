package net.p2pnet.agent.bittorrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.agent.transfer.SharedContent;
import net.p2pnet.model.torrent.InfoDictionary;
import io.micrometer.core.instrument.MeterRegistry;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.model.torrent.TorrentOptions;
import net.p2pnet.model.torrent.TorrentWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The peer wire between two real agents and against a hand-driven hostile peer: agent B fetches
 * every piece and the metadata from agent A; every malformed input closes only its own connection.
 */
class BtPeerWireTest {

    private static final int PIECE = 256 * 1024;
    private static final long SIZE = 4L * PIECE + 5000; // 5 pieces, the last one short
    private static final int PER_TORRENT = 6;

    @TempDir
    static Path dir;

    static TestAgent seed;
    static TestAgent client;
    static SharedContent shared;
    static InfoDictionary info;
    static byte[] bytes;
    /** Opened before any hostile peer; must stay usable throughout. */
    static BtPeer good;

    @BeforeAll
    static void start() throws Exception {
        seed = TestAgent.start(dir.resolve("seed"), new Class<?>[0],
                "p2pnet.agent.bittorrent.max-connections-per-torrent=" + PER_TORRENT);
        client = TestAgent.start(dir.resolve("client"));
        Path file = SeedFiles.randomFile(dir.resolve("files/wire.bin"), SIZE, 8);
        bytes = Files.readAllBytes(file);
        byte[] torrent = SeedFiles.torrent(file, PIECE);
        info = Metainfo.read(torrent).info();
        shared = SeedFiles.share(file, torrent);
        seed.catalog().publish(shared);
        good = client.bean(BtPeers.class).connect(seedAddress(), shared.infoHash());
        // the client has no content: as for a magnet, the metadata tells it the piece count
        client.bean(BtPeers.class).fetchMetadata(seedAddress(), shared.infoHash(), Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        TestAgent.closeAll(seed, client);
    }

    private static InetSocketAddress seedAddress() {
        return new InetSocketAddress("127.0.0.1", seed.bean(BtPeers.class).port());
    }

    @Test
    void agentFetchesEveryPieceFromAnotherAgentAndTheyTellEachOtherWhoTheyAre() throws Exception {
        BtPeers peers = client.bean(BtPeers.class);
        BtPeer peer = peers.connect(seedAddress(), shared.infoHash());
        assertThat(peer).isSameAs(good); // one connection per peer and torrent
        await("the seed's bitfield").atMost(Duration.ofSeconds(10)).until(() -> peer.has().cardinality() == 5);
        assertThat(peer.client()).isEqualTo("p2pnet-agent/0.1");
        assertThat(peer.p2pnetPort()).hasValue(seed.transferPort());
        for (int i = 0; i < info.pieceCount(); i++) {
            AtomicLong reported = new AtomicLong();
            byte[] piece = peer.fetchPiece(i, info.pieceSize(i), reported::addAndGet);
            assertThat(sha1(piece)).as("piece %d", i).isEqualTo(info.pieceHash(i));
            assertThat(reported.get()).isEqualTo(info.pieceSize(i));
        }
        assertThat(peer.downloaded()).isGreaterThanOrEqualTo(SIZE);
        // the seed sees the client under its listen port (extension handshake "p")
        String clientKey = "127.0.0.1:" + peers.port();
        assertThat(seed.bean(BtPeers.class).connected(shared.infoHash())).extracting(BtPeer::key).contains(clientKey);
        assertThat(seed.bean(BtPeers.class).connected(shared.infoHash())).filteredOn(p -> p.key().equals(clientKey))
                .allSatisfy(p -> assertThat(p.uploaded()).isGreaterThanOrEqualTo(SIZE));
    }

    @Test
    void metadataFetchReturnsTheInfoDictionaryOfTheInfoHash() throws Exception {
        byte[] metadata = client.bean(BtPeers.class).fetchMetadata(seedAddress(), shared.infoHash(), Duration.ofSeconds(20));
        assertThat(metadata).isEqualTo(info.dictionary().rawBytes());
    }

    @Test
    void selfConnectionsAndUnknownTorrentsAreRefused() {
        BtPeers peers = client.bean(BtPeers.class);
        assertThatThrownBy(() -> peers.connect(new InetSocketAddress("127.0.0.1", peers.port()), shared.infoHash()))
                .isInstanceOf(IOException.class).hasMessageContaining("own BitTorrent port");
        assertThatThrownBy(() -> peers.connect(seedAddress(), "ab".repeat(20))).isInstanceOf(IOException.class);
        assertThat(peers.peerId()).hasSize(20).startsWith("-PN0100-".getBytes(StandardCharsets.US_ASCII));
    }

    @FunctionalInterface
    interface Hostile {
        void act(RawPeer peer) throws IOException;
    }

    static Stream<Arguments> hostilePeers() {
        String ih = shared.infoHash();
        return Stream.of(
                Arguments.of("wrong protocol string", (Hostile) p -> p.send(
                        RawPeer.handshake("BitTorrent protocoX".getBytes(StandardCharsets.US_ASCII), ih, new byte[8]))),
                Arguments.of("unknown info-hash", (Hostile) p -> p.send(
                        RawPeer.handshake(RawPeer.PROTOCOL, "cd".repeat(20), new byte[8]))),
                Arguments.of("length prefix beyond 1 MiB", (Hostile) p -> p.handshake(ih, false)
                        .send(RawPeer.ints(2 << 20, 0x05000000))),
                Arguments.of("oversized piece message", (Hostile) p -> p.handshake(ih, false)
                        .send(RawPeer.message(7, new byte[8 + 32 * 1024]))),
                Arguments.of("bitfield of the wrong length", (Hostile) p -> p.handshake(ih, false)
                        .send(RawPeer.message(5, new byte[2]))),
                Arguments.of("bitfield with spare bits set", (Hostile) p -> p.handshake(ih, false)
                        .send(RawPeer.message(5, new byte[] {(byte) 0xff}))),
                Arguments.of("have index out of range", (Hostile) p -> p.handshake(ih, false)
                        .send(RawPeer.message(4, RawPeer.ints(5)))),
                Arguments.of("request beyond the piece", (Hostile) p -> p.handshake(ih, false)
                        .send(RawPeer.message(6, RawPeer.ints(4, 0, 16 * 1024)))),
                Arguments.of("request of more than 128 KiB", (Hostile) p -> p.handshake(ih, false)
                        .send(RawPeer.message(6, RawPeer.ints(0, 0, 256 * 1024)))),
                Arguments.of("request for a piece index out of range", (Hostile) p -> p.handshake(ih, false)
                        .send(RawPeer.message(6, RawPeer.ints(5, 0, 16 * 1024)))),
                Arguments.of("piece data nobody asked for", (Hostile) p -> p.handshake(ih, false)
                        .send(RawPeer.message(7, Arrays.copyOf(RawPeer.ints(0, 0), 8 + 100)))),
                Arguments.of("bad bencode in the extension handshake", (Hostile) p -> p.handshake(ih, true)
                        .send(RawPeer.message(20, "\0d1:mi1e".getBytes(StandardCharsets.US_ASCII)))),
                Arguments.of("have with a short payload", (Hostile) p -> p.handshake(ih, false)
                        .send(RawPeer.message(4, new byte[2]))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePeers")
    void hostileInputClosesOnlyThatConnection(String what, Hostile hostile) throws Exception {
        try (RawPeer peer = new RawPeer(seed.bean(BtPeers.class).port())) {
            hostile.act(peer);
            assertThat(peer.closedByRemote()).as("agent closed the connection").isTrue();
        }
        assertGoodConnectionStillWorks();
    }

    @Test
    void hugePieceIndicesBeforeTheMetadataIsKnownCloseThatConnection() throws Exception {
        // a magnet the client has no metadata for: the piece count is unknown, so nothing sized the bitset
        String magnetHash = "ef".repeat(20);
        try (ServerSocket hostile = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            try (RawPeer peer = connectedTo(hostile, magnetHash)) {
                try {
                    for (int i = 0; i < 3; i++) { // each once allocated a 256 MiB bitset
                        peer.send(RawPeer.message(4, RawPeer.ints(0x7fffffff)));
                    }
                } catch (IOException closedAlready) {
                    // the agent may hang up after the first one: that is the point
                }
                assertThat(peer.closedByRemote()).as("agent closed the connection").isTrue();
            }
            try (RawPeer peer = connectedTo(hostile, magnetHash)) {
                peer.send(RawPeer.message(5, new byte[1 << 20])); // a 1 MiB bitfield: 8 million pieces
                assertThat(peer.closedByRemote()).as("agent closed the connection").isTrue();
            }
        }
        assertGoodConnectionStillWorks();
    }

    /** The client agent connects out to {@code hostile} for {@code infoHash}; handshakes are exchanged. */
    private static RawPeer connectedTo(ServerSocket hostile, String infoHash) throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", hostile.getLocalPort());
        Thread.ofVirtual().start(() -> {
            try {
                client.bean(BtPeers.class).connect(address, infoHash);
            } catch (IOException e) {
                // the connection is closed under it: expected
            }
        });
        hostile.setSoTimeout(20_000);
        RawPeer peer = new RawPeer(hostile.accept());
        peer.in.readFully(new byte[68]);
        peer.send(RawPeer.handshake(RawPeer.PROTOCOL, infoHash, new byte[8]));
        return peer;
    }

    @Test
    void aFloodOfRequestsClosesThatConnection() throws Exception {
        try (RawPeer peer = new RawPeer(seed.bean(BtPeers.class).port())) {
            peer.handshake(shared.infoHash(), false).send(RawPeer.message(2, new byte[0]));
            peer.awaitMessage(1); // unchoked: requests are now queued, not ignored
            seed.limits().setUploadLimit(1000); // the first request holds the uploader: the rest pile up
            byte[] requests = new byte[0];
            for (int i = 0; i < 600; i++) {
                requests = concat(requests, RawPeer.message(6, RawPeer.ints(0, 0, 16 * 1024)));
            }
            peer.send(requests);
            assertThat(peer.closedByRemote()).isTrue();
        } finally {
            seed.limits().setUploadLimit(0);
        }
        assertGoodConnectionStillWorks();
    }

    @Test
    void aWellBehavedRawPeerIsUnchokedAndServedVerifiedBlocks() throws Exception {
        try (RawPeer peer = new RawPeer(seed.bean(BtPeers.class).port())) {
            peer.handshake(shared.infoHash(), false);
            byte[] bitfield = peer.awaitMessage(5);
            assertThat(bitfield).containsExactly((byte) 0xf8);
            peer.send(RawPeer.message(2, new byte[0]));
            peer.awaitMessage(1);
            peer.send(RawPeer.message(6, RawPeer.ints(4, 1000, 4000)));
            byte[] piece = peer.awaitMessage(7);
            assertThat(Arrays.copyOfRange(piece, 0, 8)).isEqualTo(RawPeer.ints(4, 1000));
            assertThat(Arrays.copyOfRange(piece, 8, piece.length))
                    .isEqualTo(Arrays.copyOfRange(bytes, 4 * PIECE + 1000, 4 * PIECE + 5000));
        }
    }

    @Test
    void privateTorrentRefusesPeersTheTrackerDidNotHandOut() throws Exception {
        // the product admission (network.TrackerAdmission): this agent has no tracker, so no peer was handed out
        Path file = SeedFiles.randomFile(dir.resolve("files/private.bin"), 100_000, 9);
        Metainfo privateTorrent = TorrentWriter.create(file, TorrentOptions.defaults().withPrivate(true));
        seed.catalog().publish(SeedFiles.share(file, privateTorrent.toBytes()));
        try (RawPeer peer = new RawPeer(seed.bean(BtPeers.class).port())) {
            peer.send(RawPeer.handshake(RawPeer.PROTOCOL, privateTorrent.infoHash().hex(), new byte[8]));
            assertThat(peer.closedByRemote()).isTrue();
        }
        assertGoodConnectionStillWorks();
    }

    @Test
    void connectionsBeyondThePerTorrentLimitAreRefused() throws Exception {
        BtPeers peers = seed.bean(BtPeers.class);
        await("only the client's connection left").atMost(Duration.ofSeconds(30))
                .until(() -> peers.connected(shared.infoHash()).size() == 1);
        List<RawPeer> open = new ArrayList<>();
        try {
            for (int i = 1; i < PER_TORRENT; i++) {
                open.add(new RawPeer(peers.port()).handshake(shared.infoHash(), false));
            }
            await("the limit to be reached").atMost(Duration.ofSeconds(30))
                    .until(() -> peers.connected(shared.infoHash()).size() == PER_TORRENT);
            try (RawPeer oneTooMany = new RawPeer(peers.port())) {
                oneTooMany.send(RawPeer.handshake(RawPeer.PROTOCOL, shared.infoHash(), new byte[8]));
                assertThat(oneTooMany.closedByRemote()).isTrue();
            }
        } finally {
            for (RawPeer peer : open) {
                peer.close();
            }
        }
        assertGoodConnectionStillWorks();
    }

    @Test
    void idleSocketsFromOneAddressCannotHoldTheListenerAgainstOtherPeers() throws Exception {
        BtPeers peers = seed.bean(BtPeers.class);
        await("only the client's connection left").atMost(Duration.ofSeconds(30))
                .until(() -> peers.connected(shared.infoHash()).size() == 1);
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                idle.add(new Socket("127.0.0.1", peers.port())); // connects and never says a word
            }
            Socket fromElsewhere = new Socket();
            fromElsewhere.bind(new InetSocketAddress("127.0.0.2", 0));
            fromElsewhere.connect(new InetSocketAddress("127.0.0.1", peers.port()), 5_000);
            try (RawPeer fair = new RawPeer(fromElsewhere)) {
                fair.handshake(shared.infoHash(), false); // answered at once
            }
            // beyond one address's share they are closed at once, the rest at the handshake deadline
            await("every idle socket closed by the agent").atMost(Duration.ofSeconds(40))
                    .until(() -> idle.stream().allMatch(BtPeerWireTest::closedByAgent));
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
        assertGoodConnectionStillWorks();
    }

    private static boolean closedByAgent(Socket socket) {
        try {
            socket.setSoTimeout(20);
            return socket.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Test
    void peersLearntByPexAreKeptAndConnectionsAreCounted() throws Exception {
        BtPeers peers = seed.bean(BtPeers.class);
        try (RawPeer peer = new RawPeer(peers.port()).handshake(shared.infoHash(), true)) {
            peer.send(RawPeer.message(20, concat(new byte[] {0}, "d1:md6:ut_pexi7eee".getBytes(StandardCharsets.US_ASCII))));
            byte[] added = {127, 0, 0, 9, (byte) 0x9c, 0x41}; // 127.0.0.9:40001
            byte[] pex = concat("d5:added6:".getBytes(StandardCharsets.US_ASCII), concat(added, new byte[] {'e'}));
            peer.send(RawPeer.message(20, concat(new byte[] {Extensions.UT_PEX}, pex)));
            InetSocketAddress learnt = new InetSocketAddress("127.0.0.9", 40001);
            await("the PEX peer to be kept").atMost(Duration.ofSeconds(20))
                    .until(() -> peers.connected(shared.infoHash())
                    .stream().anyMatch(p -> p.pexPeers().contains(learnt)));
        }
        MeterRegistry registry = client.bean(MeterRegistry.class);
        assertThat(registry.get("p2pnet.agent.bt.connections").tag("direction", "out").gauge().value())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aDownloadInProgressServesOnlyVerifiedPiecesAndAnnouncesNewOnes() throws Exception {
        Path file = SeedFiles.randomFile(dir.resolve("files/partial.bin"), 3L * PIECE, 10);
        GrowingContent partial = new GrowingContent(SeedFiles.torrent(file, PIECE), file);
        partial.verify(0);
        seed.catalog().publishPartial(partial);
        byte[] fileBytes = Files.readAllBytes(file);
        try (RawPeer peer = new RawPeer(seed.bean(BtPeers.class).port())) {
            peer.handshake(partial.infoHash(), false);
            assertThat(peer.awaitMessage(5)).containsExactly((byte) 0x80); // piece 0 of 3
            peer.send(RawPeer.message(2, new byte[0]));
            peer.awaitMessage(1);
            peer.send(RawPeer.message(6, RawPeer.ints(2, 0, 16 * 1024))); // not verified yet: ignored
            peer.send(RawPeer.message(6, RawPeer.ints(0, 0, 16 * 1024)));
            // requests are handled in order: the first answer is piece 0, the request for piece 2 was dropped
            assertThat(Arrays.copyOfRange(peer.awaitMessage(7), 0, 8)).isEqualTo(RawPeer.ints(0, 0));
            partial.verify(2);
            assertThat(peer.awaitMessage(4)).isEqualTo(RawPeer.ints(2)); // HAVE 2 once it is verified
            peer.send(RawPeer.message(6, RawPeer.ints(2, 16 * 1024, 16 * 1024)));
            byte[] piece = peer.awaitMessage(7);
            assertThat(Arrays.copyOfRange(piece, 0, 8)).isEqualTo(RawPeer.ints(2, 16 * 1024));
            assertThat(Arrays.copyOfRange(piece, 8, piece.length))
                    .isEqualTo(Arrays.copyOfRange(fileBytes, 2 * PIECE + 16 * 1024, 2 * PIECE + 32 * 1024));
        } finally {
            seed.catalog().withdrawPartial(partial);
        }
    }

    private static void assertGoodConnectionStillWorks() throws Exception {
        assertThat(good.isOpen()).isTrue();
        byte[] piece = good.fetchPiece(1, PIECE, n -> { });
        assertThat(sha1(piece)).isEqualTo(info.pieceHash(1));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] sha1(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(data);
    }
}
