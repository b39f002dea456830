package net.p2pnet.tracker.udp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import net.p2pnet.tracker.announce.AnnounceService;
import net.p2pnet.tracker.metrics.TrackerMetrics;
import net.p2pnet.tracker.scrape.ScrapeService;
import net.p2pnet.tracker.support.OpenTrackerTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Any BEP 15 packet is answered (a connect, announce, scrape or error packet for its transaction) or
 * dropped, never an exception, which would cost the one UDP thread a packet and a log line. The
 * handler runs on the real tracker's services. Input: byte 0 bit 0 asks for a valid connection id in
 * place of the packet's first 8 bytes, so the fuzzer reaches announce and scrape parsing; the rest
 * is the packet. Jazzer target (corpus in {@code UdpPacketFuzzTestInputs/}; see docs/fuzzing.md).
 */
@OpenTrackerTest
class UdpPacketFuzzTest {

    /** What UdpTracker receives into and answers from. */
    private static final int RECEIVE_BUFFER = 2048;
    private static final int SEND_BUFFER = 8192;
    private static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.9", 6881);

    @Autowired
    private AnnounceService announces;
    @Autowired
    private ScrapeService scrapes;
    @Autowired
    private TrackerMetrics metrics;

    private UdpRequestHandler handler;

    @FuzzTest(maxDuration = "30s")
    void anyPacketIsAnsweredOrDropped(byte[] input) {
        if (handler == null) {
            handler = new UdpRequestHandler(announces, scrapes, metrics, Clock.systemUTC(), true);
        }
        if (input.length == 0) {
            return;
        }
        byte[] packet = Arrays.copyOfRange(input, 1, Math.min(input.length, RECEIVE_BUFFER + 1));
        if ((input[0] & 1) != 0 && packet.length >= 8) {
            ByteBuffer.wrap(packet).putLong(connectionId());
        }
        ByteBuffer out = ByteBuffer.allocate(SEND_BUFFER);

        if (handler.handle(ByteBuffer.wrap(packet), FROM, out)) {
            assertThat(out.remaining()).isGreaterThanOrEqualTo(8);
            assertThat(out.getInt()).isBetween(UdpRequestHandler.CONNECT, UdpRequestHandler.ERROR);
            assertThat(out.getInt()).as("transaction id").isEqualTo(ByteBuffer.wrap(packet).getInt(12));
        }
    }

    /** A fresh one each time: connection ids expire (BEP 15), and a fuzzing run lasts longer. */
    private long connectionId() {
        ByteBuffer connect = ByteBuffer.allocate(16).putLong(UdpRequestHandler.PROTOCOL_ID)
                .putInt(UdpRequestHandler.CONNECT).putInt(1).flip();
        ByteBuffer answer = ByteBuffer.allocate(SEND_BUFFER);
        assertThat(handler.handle(connect, FROM, answer)).isTrue();
        return answer.getLong(8);
    }
}
