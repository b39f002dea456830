package net.p2pnet.agent.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.p2pnet.agent.testkit.Await;
import net.p2pnet.agent.testkit.SeedFiles;
import net.p2pnet.agent.testkit.TestAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and greedy clients of the transfer port: sockets that send a request one byte at a time,
 * more sockets from one address than its share, a client that asks for a large file and never
 * reads it. Each loses its connections while a downloader from another address (127.0.0.2) is
 * still served, in the one upload slot this agent has.
 */
class TransferPortBudgetTest {

    private static final int PER_ADDRESS = 16;
    private static final int PIECE = 1 << 20;
    /** More than loopback socket buffers take, so a client that never reads blocks the writer. */
    private static final long SIZE = 24L << 20;

    @TempDir
    static Path dir;

    static TestAgent agent;
    static SharedContent shared;

    @BeforeAll
    static void start() throws Exception {
        agent = TestAgent.start(dir.resolve("agent"), "p2pnet.agent.upload.slots=1", "p2pnet.agent.upload.queue=0",
                "p2pnet.agent.transfer.max-connections=64",
                "p2pnet.agent.transfer.max-connections-per-address=" + PER_ADDRESS,
                "p2pnet.agent.transfer.head-timeout=2s", "p2pnet.agent.transfer.write-timeout=3s");
        Path file = SeedFiles.randomFile(dir.resolve("files/big.bin"), SIZE, 21);
        shared = SeedFiles.share(file, SeedFiles.torrent(file, PIECE));
        agent.catalog().publish(shared);
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @Test
    void slowLorisSocketsFromOneAddressLoseTheirConnectionsAndOthersAreServed() throws Exception {
        List<Socket> loris = new ArrayList<>();
        try {
            // more than the whole port takes (64), all from 127.0.0.1, each with one byte of a request
            for (int i = 0; i < 100; i++) {
                Socket socket = connect("127.0.0.1");
                socket.getOutputStream().write('G');
                loris.add(socket);
            }
            assertThat(loris.stream().skip(PER_ADDRESS).filter(TransferPortBudgetTest::closedByAgent).count())
                    .as("connections beyond the address's share are closed at once").isEqualTo(100 - PER_ADDRESS);

            String answer = request("127.0.0.2", "/p2p/v1/files/" + shared.infoHash() + "/pieces/0");
            assertThat(answer).startsWith("HTTP/1.1 200");

            // the ones held send a byte now and then: the head deadline still ends them
            for (Socket socket : loris.subList(0, PER_ADDRESS)) {
                socket.getOutputStream().write('E');
            }
            assertThat(loris.subList(0, PER_ADDRESS)).as("slow heads are closed").allMatch(TransferPortBudgetTest::closedByAgent);
        } finally {
            for (Socket socket : loris) {
                socket.close();
            }
        }
        Await.until("every slow connection gone", Duration.ofSeconds(30),
                () -> agent.bean(TransferServer.class).openConnections() == 0);
    }

    @Test
    void aClientThatNeverReadsLosesItsUploadSlot() throws Exception {
        try (Socket greedy = connect("127.0.0.3", 64 * 1024)) {
            greedy.getOutputStream().write(("GET /files/" + shared.infoHash() + "/big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // the one slot is held by the greedy client until its writes time out
            Await.until("the greedy client to lose its connection", Duration.ofSeconds(60),
                    () -> agent.bean(TransferServer.class).openConnections() == 0);
            assertThat(drain(greedy)).as("what reached the greedy client").isLessThan(SIZE);
        }
        String answer = request("127.0.0.2", "/p2p/v1/files/" + shared.infoHash() + "/pieces/1");
        assertThat(answer).startsWith("HTTP/1.1 200");
    }

    private static Socket connect(String from) throws IOException {
        return connect(from, 0);
    }

    /**
     * @param receiveBuffer the socket's receive buffer, 0 = the system's; set before connecting, since
     *                      the window is agreed then (set later, loopback autotuning still took 24 MiB)
     */
    private static Socket connect(String from, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", agent.transferPort()), 5_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** A whole request from {@code from}; the answer's status line and head, the body read and dropped. */
    private static String request(String from, String path) throws IOException {
        try (Socket socket = connect(from)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[256];
            int read = in.readNBytes(head, 0, head.length);
            drain(socket);
            return new String(head, 0, read, StandardCharsets.ISO_8859_1);
        }
    }

    /** Whether the agent closes the socket (end of stream or reset) within the read timeout. */
    private static boolean closedByAgent(Socket socket) {
        try {
            return socket.getInputStream().read(new byte[4096]) < 0 || drain(socket) >= 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /** Reads to the end; the byte count (a reset ends it too). */
    private static long drain(Socket socket) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        try {
            for (int read; (read = socket.getInputStream().read(sink)) >= 0; ) {
                total += read;
            }
        } catch (SocketException e) {
            // reset: the agent closed with data unread
        }
        return total;
    }
}
