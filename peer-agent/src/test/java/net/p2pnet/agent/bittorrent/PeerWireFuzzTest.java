package net.p2pnet.agent.bittorrent;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import net.p2pnet.agent.transfer.SharedContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Any bytes a peer sends after a valid handshake end in a closed connection for that peer alone,
 * never in an exception the agent did not expect (the reader logs those as errors) and never in a
 * hung reader: after each input the agent closes the connection once the peer has finished sending,
 * and takes the next peer's handshake. The agent is real, seeding a small torrent on its BitTorrent
 * port. Input: byte 0 sets the handshake's extension bits (bit 0 BEP 10, bit 1 BEP 6 fast); the
 * rest is the message stream. Jazzer target (corpus in {@code PeerWireFuzzTestInputs/}; see
 * docs/fuzzing.md).
 */
class PeerWireFuzzTest {

    private static final int PIECE = 32 * 1024;
    private static final int READ_TIMEOUT_MILLIS = 20_000;

    @TempDir
    static Path dir;

    static TestAgent seed;
    static SharedContent shared;
    static ListAppender<ILoggingEvent> errors;

    @BeforeAll
    static void start() throws Exception {
        seed = TestAgent.start(dir.resolve("seed"));
        Path file = SeedFiles.randomFile(dir.resolve("files/fuzz.bin"), 3L * PIECE + 100, 16);
        shared = SeedFiles.share(file, SeedFiles.torrent(file, PIECE));
        seed.catalog().publish(shared);
        errors = new ListAppender<>();
        errors.start();
        ((Logger) LoggerFactory.getLogger("net.p2pnet.agent")).addAppender(errors);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger("net.p2pnet.agent")).detachAppender(errors);
        TestAgent.closeAll(seed);
    }

    @FuzzTest(maxDuration = "30s")
    void anyBytesAfterTheHandshakeCloseOnlyThatConnection(byte[] input) throws IOException {
        allowLoopback();
        if (input.length == 0) {
            return;
        }
        byte[] reserved = new byte[8];
        reserved[5] = (byte) ((input[0] & 1) != 0 ? 0x10 : 0);
        reserved[7] = (byte) ((input[0] & 2) != 0 ? 0x04 : 0);
        try (Socket socket = new Socket("127.0.0.1", seed.bean(BtPeers.class).port())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(RawPeer.handshake(RawPeer.PROTOCOL, shared.infoHash(), reserved));
            new DataInputStream(socket.getInputStream()).readFully(new byte[Handshake.LENGTH]);
            try {
                socket.getOutputStream().write(input, 1, input.length - 1);
                socket.shutdownOutput();
            } catch (IOException closedEarly) {
                // the agent refused an earlier message and closed while we were still sending
            }
            assertThat(closedByAgent(socket.getInputStream())).as("agent closed the connection").isTrue();
        }
        List<ILoggingEvent> unexpected = errors.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .toList();
        assertThat(unexpected).as("errors the agent logged").isEmpty();
    }

    /**
     * Jazzer's SSRF detector refuses every connection unless told (from inside the fuzz test, once
     * Jazzer runs); this test and the agent talk on loopback.
     */
    private static void allowLoopback() {
        BugDetectors.allowNetworkConnections((host, port) -> host.equals("localhost") || host.startsWith("127."));
    }

    /** Reads (and drops) what the agent sends until it closes; false when it stays silent and open. */
    private static boolean closedByAgent(InputStream in) throws IOException {
        byte[] sink = new byte[64 * 1024];
        try {
            while (in.read(sink) >= 0) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }
}
