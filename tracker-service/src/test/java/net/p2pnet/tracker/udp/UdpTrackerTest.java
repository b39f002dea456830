package net.p2pnet.tracker.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.OpenTrackerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** BEP 15 over a real UDP socket, on the same port number as the HTTP tracker. */
@OpenTrackerTest
class UdpTrackerTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    private int httpPort;
    @Autowired
    private UdpTrackerStarter udp;
    private DatagramSocket socket;
    private InetSocketAddress tracker;
    private final byte[] infoHash = new byte[20];

    @BeforeEach
    void open() throws Exception {
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(10_000);
        tracker = new InetSocketAddress("127.0.0.1", udp.port());
        RANDOM.nextBytes(infoHash);
    }

    @AfterEach
    void close() {
        socket.close();
    }

    @Test
    void listensOnTheHttpPortNumber() {
        assertThat(udp.port()).isEqualTo(httpPort);
    }

    @Test
    void connectAnnounceAndScrape() throws Exception {
        long connection = connect();
        ByteBuffer first = exchange(announcePacket(connection, 11, Announce.id20("udp-seed"), 0, 2, 50, 7001));
        assertThat(first.getInt()).isEqualTo(UdpRequestHandler.ANNOUNCE);
        assertThat(first.getInt()).isEqualTo(11);
        assertThat(first.getInt()).as("interval").isEqualTo(60);
        assertThat(first.getInt()).as("leechers").isZero();
        assertThat(first.getInt()).as("seeders").isEqualTo(1);
        assertThat(first.remaining()).isZero();

        ByteBuffer second = exchange(announcePacket(connection, 12, Announce.id20("udp-leech"), 500, 2, -1, 7002));
        second.position(20);
        byte[] peer = new byte[6];
        second.get(peer);
        assertThat(peer).isEqualTo(new byte[] {127, 0, 0, 1, 0x1B, 0x59});

        exchange(announcePacket(connection, 13, Announce.id20("udp-leech"), 0, 1, 0, 7002));
        ByteBuffer scrape = exchange(ByteBuffer.allocate(36).putLong(connection).putInt(UdpRequestHandler.SCRAPE)
                .putInt(14).put(infoHash));
        assertThat(scrape.getInt()).isEqualTo(UdpRequestHandler.SCRAPE);
        assertThat(scrape.getInt()).isEqualTo(14);
        assertThat(scrape.getInt()).as("seeders").isEqualTo(2);
        assertThat(scrape.getInt()).as("completed").isEqualTo(1);
        assertThat(scrape.getInt()).as("leechers").isZero();
    }

    @Test
    void forgedConnectionIdsAreDroppedSilentlyAndBadConnectsGetAnError() throws Exception {
        long connection = connect();
        // No answer at all: the source address of such a packet may be forged (no amplification).
        // The tracker answers in order on one thread, so the next datagram we get answers the next request.
        for (int i = 0; i < 20; i++) {
            send(announcePacket(connection ^ (1L << i), 21, Announce.id20("forger"), 1, 0, 1, 7003));
        }
        ByteBuffer next = exchange(announcePacket(connection, 23, Announce.id20("honest"), 1, 2, 1, 7005));
        assertThat(next.getInt()).isEqualTo(UdpRequestHandler.ANNOUNCE);
        assertThat(next.getInt()).as("transaction id").isEqualTo(23);
        assertThat(error(ByteBuffer.allocate(16).putLong(1234).putInt(UdpRequestHandler.CONNECT).putInt(22)))
                .contains("protocol id");
    }

    @Test
    void malformedPacketsGetClearErrors() throws Exception {
        long connection = connect();
        assertThat(error(ByteBuffer.allocate(40).putLong(connection).putInt(UdpRequestHandler.ANNOUNCE).putInt(31).position(40)))
                .isEqualTo("announce packet too short: 40 bytes, need 98");
        assertThat(error(announcePacket(connection, 32, Announce.id20("bad-event"), 1, 9, 1, 7004)))
                .isEqualTo("invalid event 9: expected 0..3");
        assertThat(error(announcePacket(connection, 33, Announce.id20("bad-port"), 1, 0, 1, 0)))
                .isEqualTo("invalid port: 0");
        assertThat(error(ByteBuffer.allocate(16).putLong(connection).putInt(7).putInt(34)))
                .isEqualTo("unknown action 7");
        // a packet too short to carry a transaction id is dropped; the tracker still answers afterwards
        socket.send(new DatagramPacket(new byte[5], 5, tracker));
        assertThat(connect()).isNotZero();
    }

    private long connect() throws Exception {
        ByteBuffer answer = exchange(ByteBuffer.allocate(16).putLong(UdpRequestHandler.PROTOCOL_ID)
                .putInt(UdpRequestHandler.CONNECT).putInt(42));
        assertThat(answer.getInt()).isEqualTo(UdpRequestHandler.CONNECT);
        assertThat(answer.getInt()).isEqualTo(42);
        return answer.getLong();
    }

    private ByteBuffer announcePacket(long connection, int transaction, byte[] peerId, long left, int event,
                                      int numwant, int port) {
        return ByteBuffer.allocate(98).putLong(connection).putInt(UdpRequestHandler.ANNOUNCE).putInt(transaction)
                .put(infoHash).put(peerId).putLong(0).putLong(left).putLong(0).putInt(event).putInt(0)
                .putInt(77).putInt(numwant).putShort((short) port);
    }

    private void send(ByteBuffer request) throws Exception {
        byte[] bytes = Arrays.copyOf(request.array(), request.position());
        socket.send(new DatagramPacket(bytes, bytes.length, tracker));
    }

    private String error(ByteBuffer request) throws Exception {
        ByteBuffer answer = exchange(request);
        assertThat(answer.getInt()).isEqualTo(UdpRequestHandler.ERROR);
        answer.getInt();
        return StandardCharsets.UTF_8.decode(answer).toString();
    }

    private ByteBuffer exchange(ByteBuffer request) throws Exception {
        send(request);
        DatagramPacket response = new DatagramPacket(new byte[4096], 4096);
        socket.receive(response);
        return ByteBuffer.wrap(response.getData(), 0, response.getLength());
    }
}
