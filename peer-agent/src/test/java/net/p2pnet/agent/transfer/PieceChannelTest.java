package net.p2pnet.agent.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The client side of piece runs against a scripted agent on a real socket: an agent that falls
 * silent mid-answer is cut off after the read timeout, while a reader that is itself slow (rate
 * limits) is not; connections are kept only after a whole answer.
 */
class PieceChannelTest {

    private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\n";

    @Test
    void anAgentSilentMidAnswerIsCutOffAfterTheReadTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0);
             PieceChannels channels = new PieceChannels(Duration.ofSeconds(1))) {
            Thread.ofVirtual().start(() -> answer(server, HEAD + "1234", release)); // 4 of 8 bytes, then nothing
            PieceChannel channel = PieceChannel.open(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 5000);
            channels.started(channel);
            PieceChannel.Answer answer = channel.get("/p2p/v1/files/x/pieces/0", Map.of());
            assertThat(answer.status()).isEqualTo(200);
            long start = System.nanoTime();
            assertThatThrownBy(() -> channel.readBody(ByteBuffer.allocateDirect(8), n -> { }))
                    .isInstanceOf(IOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(channel.reusable()).isFalse();
            release.countDown();
        }
    }

    @Test
    void aReaderWaitingOnItsOwnLimitIsNotCutOff() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0);
             PieceChannels channels = new PieceChannels(Duration.ofSeconds(1))) {
            Thread.ofVirtual().start(() -> answer(server, HEAD + "12345678", release));
            PieceChannel channel = PieceChannel.open(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 5000);
            channels.started(channel);
            channel.get("/p2p/v1/files/x/pieces/0", Map.of());
            ByteBuffer body = ByteBuffer.allocateDirect(8);
            channel.readBody(body, n -> Thread.sleep(2500)); // a slow rate limit, longer than the timeout
            assertThat(StandardCharsets.US_ASCII.decode(body.flip()).toString()).isEqualTo("12345678");
            channels.finished(channel);
            assertThat(channel.reusable()).isTrue();
            channels.release(channel);
            assertThat(channels.take(channel.address())).isSameAs(channel);
            release.countDown();
            channel.close();
        }
    }

    /** Accepts one connection, reads the request head, sends {@code text}, and holds the connection open. */
    private static void answer(ServerSocket server, String text, CountDownLatch release) {
        try (Socket socket = server.accept()) {
            byte[] head = new byte[4096];
            int got = 0;
            while (got < 4 || !new String(head, 0, got, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                int read = socket.getInputStream().read(head, got, head.length - got);
                if (read < 0) {
                    return;
                }
                got += read;
            }
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            release.await(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // the test has ended
        }
    }
}
