package net.p2pnet.agent.bittorrent;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.p2pnet.agent.bandwidth.RateLimiter;
import net.p2pnet.agent.bandwidth.TrafficMeter;
import net.p2pnet.agent.transfer.ContentCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fetch side of one connection against a scripted peer: a real loopback socket on which the
 * test plays the remote side message by message. The agent side is a bare {@link PeerConnection}
 * (no agent around it, nothing to serve: a magnet's first connection), so each test owns its
 * connection and nothing carries over between tests.
 */
class ScriptedPeerFetchTest {

    private static final int BLOCK = 16 * 1024;
    private static final String INFO_HASH = "5c".repeat(20);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final int CHOKE = 0;
    private static final int UNCHOKE = 1;
    private static final int BITFIELD = 5;
    private static final int REQUEST = 6;
    private static final int CANCEL = 8;
    private static final int HAVE_ALL = 14;
    private static final int REJECT = 16;

    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<AutoCloseable> open = new ArrayList<>();
    private PeerConnection connection;

    @AfterEach
    void closeAll() throws Exception {
        if (connection != null) {
            connection.close("test over");
        }
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        callers.shutdownNow();
    }

    /** Connects a fresh connection to a fresh scripted peer; both handshakes are exchanged. */
    private RawPeer connect(boolean fast) throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        open.add(listener);
        Socket agentSide = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        open.add(agentSide);
        RawPeer script = new RawPeer(listener.accept());
        open.add(script);
        byte[] agentId = "-PN0100-scriptedtest".getBytes(StandardCharsets.US_ASCII);
        Handshake.ours(HexFormat.of().parseHex(INFO_HASH), agentId).write(agentSide.getOutputStream());
        script.in.readFully(new byte[Handshake.LENGTH]);
        byte[] reserved = new byte[8];
        reserved[7] = (byte) (fast ? 0x04 : 0);
        script.send(RawPeer.handshake(RawPeer.PROTOCOL, INFO_HASH, reserved));
        Handshake remote = Handshake.read(new DataInputStream(agentSide.getInputStream()));
        connection = new PeerConnection(agentSide, remote, false, context());
        connection.start();
        return script;
    }

    private static WireContext context() {
        WireContext.Events none = new WireContext.Events() {
            @Override
            public void interested(PeerConnection connection) {
            }

            @Override
            public void closed(PeerConnection connection) {
            }
        };
        return new WireContext(new ContentCatalog(), new RateLimiter(0), new TrafficMeter(new SimpleMeterRegistry()),
                () -> -1, () -> -1, new ConcurrentHashMap<>(), none);
    }

    private CompletableFuture<byte[]> fetchInBackground(int index, int length, BtPeer.BlockSink sink) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return connection.fetchPiece(index, length, sink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, callers);
    }

    /** Reads requests (skipping anything else) until {@code count} arrived; each as {index, begin, length}. */
    private static List<int[]> requests(RawPeer script, int id, int count) throws IOException {
        List<int[]> got = new ArrayList<>();
        while (got.size() < count) {
            ByteBuffer payload = ByteBuffer.wrap(script.awaitMessage(id));
            got.add(new int[] {payload.getInt(), payload.getInt(), payload.getInt()});
        }
        return got;
    }

    private static List<Integer> begins(List<int[]> requests) {
        return requests.stream().map(r -> r[1]).toList();
    }

    private static byte[] content(int length, int seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] block(byte[] piece, int begin) {
        return Arrays.copyOfRange(piece, begin, Math.min(piece.length, begin + BLOCK));
    }

    @Test
    void aRejectFailsThatFetchOnlyAndTheConnectionServesTheNextOne() throws Exception {
        RawPeer script = connect(true);
        script.send(RawPeer.message(HAVE_ALL, new byte[0])).send(RawPeer.message(UNCHOKE, new byte[0]));
        CompletableFuture<byte[]> rejected = fetchInBackground(0, 2 * BLOCK, n -> { });
        assertThat(begins(requests(script, REQUEST, 2))).containsExactlyInAnyOrder(0, BLOCK);
        byte[] first = content(2 * BLOCK, 1);
        script.send(RawPeer.piece(0, 0, block(first, 0)))
                .send(RawPeer.message(REJECT, RawPeer.ints(0, BLOCK, BLOCK)));

        assertThat(rejected).failsWithin(PATIENCE).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("rejected our request for piece 0");
        assertThat(connection.isOpen()).isTrue();

        byte[] second = content(BLOCK, 2);
        CompletableFuture<byte[]> served = fetchInBackground(1, BLOCK, n -> { });
        assertThat(requests(script, REQUEST, 1).getFirst()).containsExactly(1, 0, BLOCK);
        script.send(RawPeer.piece(1, 0, second));
        assertThat(served).succeedsWithin(PATIENCE).isEqualTo(second);
    }

    @Test
    void aChokeMidFetchDropsOurPendingRequestsAndTheUnchokeBringsThemBack() throws Exception {
        RawPeer script = connect(false); // BEP 3: a choke discards the requests it has not served
        script.send(RawPeer.message(BITFIELD, new byte[] {(byte) 0x80})).send(RawPeer.message(UNCHOKE, new byte[0]));
        byte[] piece = content(4 * BLOCK, 3);
        CompletableFuture<byte[]> fetch = fetchInBackground(0, piece.length, n -> { });
        assertThat(begins(requests(script, REQUEST, 4))).containsExactlyInAnyOrder(0, BLOCK, 2 * BLOCK, 3 * BLOCK);

        script.send(RawPeer.piece(0, 0, block(piece, 0))).send(RawPeer.piece(0, BLOCK, block(piece, BLOCK)))
                .send(RawPeer.message(CHOKE, new byte[0]))
                .send(RawPeer.message(UNCHOKE, new byte[0]));
        // asked again after the unchoke, only for what the choke discarded
        assertThat(begins(requests(script, REQUEST, 2))).containsExactlyInAnyOrder(2 * BLOCK, 3 * BLOCK);
        script.send(RawPeer.piece(0, 2 * BLOCK, block(piece, 2 * BLOCK)))
                .send(RawPeer.piece(0, 3 * BLOCK, block(piece, 3 * BLOCK)));

        assertThat(fetch).succeedsWithin(PATIENCE).isEqualTo(piece);
        assertThat(connection.downloaded()).isEqualTo(piece.length);
    }

    @Test
    void aChokeMidFetchUnderTheFastExtensionKeepsOurRequestsUntilTheyAreServedOrRejected() throws Exception {
        RawPeer script = connect(true); // BEP 6: a choke keeps requests; the peer rejects what it drops
        script.send(RawPeer.message(HAVE_ALL, new byte[0])).send(RawPeer.message(UNCHOKE, new byte[0]));
        byte[] piece = content(3 * BLOCK, 4);
        CompletableFuture<byte[]> fetch = fetchInBackground(0, piece.length, n -> { });
        assertThat(begins(requests(script, REQUEST, 3))).containsExactlyInAnyOrder(0, BLOCK, 2 * BLOCK);

        script.send(RawPeer.piece(0, 0, block(piece, 0)))
                .send(RawPeer.message(CHOKE, new byte[0]))
                .send(RawPeer.piece(0, BLOCK, block(piece, BLOCK))) // still owed: served while choking is fine
                .send(RawPeer.message(UNCHOKE, new byte[0]))
                .send(RawPeer.piece(0, 2 * BLOCK, block(piece, 2 * BLOCK)));

        assertThat(fetch).succeedsWithin(PATIENCE).isEqualTo(piece);
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void blocksArrivingAfterOurCancelAreDroppedQuietly() throws Exception {
        RawPeer script = connect(true);
        script.send(RawPeer.message(HAVE_ALL, new byte[0])).send(RawPeer.message(UNCHOKE, new byte[0]));
        byte[] piece = content(4 * BLOCK, 5);
        // the engine aborts a fetch through its sink (a stop, a rate limit giving up): here at the first block
        CompletableFuture<byte[]> aborted = fetchInBackground(0, piece.length, n -> {
            throw new IllegalStateException("download stopped");
        });
        assertThat(begins(requests(script, REQUEST, 4))).containsExactlyInAnyOrder(0, BLOCK, 2 * BLOCK, 3 * BLOCK);
        script.send(RawPeer.piece(0, 0, block(piece, 0)));
        assertThat(aborted).failsWithin(PATIENCE).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("download stopped");
        assertThat(begins(requests(script, CANCEL, 3))).containsExactlyInAnyOrder(BLOCK, 2 * BLOCK, 3 * BLOCK);

        // they were on the way already: a real peer may well send them
        for (int begin = BLOCK; begin < piece.length; begin += BLOCK) {
            script.send(RawPeer.piece(0, begin, block(piece, begin)));
        }
        // the reader handles messages in order: once the next fetch is served, the late blocks were taken
        byte[] next = content(BLOCK, 6);
        CompletableFuture<byte[]> served = fetchInBackground(1, BLOCK, n -> { });
        assertThat(requests(script, REQUEST, 1).getFirst()).containsExactly(1, 0, BLOCK);
        script.send(RawPeer.piece(1, 0, next));
        assertThat(served).succeedsWithin(PATIENCE).isEqualTo(next);
        assertThat(connection.isOpen()).isTrue();
        assertThat(connection.downloaded()).as("the cancelled blocks are not counted").isEqualTo(2L * BLOCK);
    }

    @Test
    void aBlockWeNeverAskedForClosesTheConnection() throws Exception {
        RawPeer script = connect(true);
        script.send(RawPeer.message(HAVE_ALL, new byte[0])).send(RawPeer.message(UNCHOKE, new byte[0]));
        CompletableFuture<byte[]> fetch = fetchInBackground(0, BLOCK, n -> { });
        requests(script, REQUEST, 1);
        script.send(RawPeer.piece(0, BLOCK, content(BLOCK, 7))); // beyond the one block piece 0 has
        assertThat(script.closedByRemote()).as("agent closed the connection").isTrue();
        assertThat(fetch).failsWithin(PATIENCE).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("piece data we did not ask for");
    }
}
