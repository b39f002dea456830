package net.p2pnet.model.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bodies from a real HTTP server on loopback: within the cap they arrive whole, beyond it the exchange ends. */
class BoundedBodyTest {

    static HttpServer server;
    static final AtomicLong endlessSent = new AtomicLong();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/small", ex -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/endless", ex -> { // chunked, never ends on its own
            ex.sendResponseHeaders(200, 0);
            byte[] block = new byte[64 * 1024];
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 16_384; i++) { // gives up after 1 GiB so a broken client still ends the test
                    out.write(block);
                    endlessSent.addAndGet(block.length);
                }
            } catch (IOException e) {
                // the client hung up: expected
            }
        });
        server.createContext("/declared", ex -> { // a 4 GB length and a stall
            ex.sendResponseHeaders(200, 4_294_967_296L);
            ex.getResponseBody().flush(); // the head goes out, no body follows
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build();
    }

    @Test
    void aBodyWithinTheCapArrivesWhole() throws Exception {
        var response = BoundedBody.send(http, get("/small"), BoundedBody.text(BoundedBody.JSON), Duration.ofSeconds(10));
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void anEndlessBodyEndsTheExchangeAtTheCap() {
        assertThatThrownBy(() -> BoundedBody.send(http, get("/endless"), BoundedBody.bytes(BoundedBody.JSON),
                Duration.ofSeconds(30))).isInstanceOf(BoundedBody.TooLargeException.class)
                .hasMessageContaining("larger than the 1048576 bytes");
    }

    @Test
    void aDeclaredLengthBeyondTheCapIsRefusedBeforeTheBody() {
        assertThatThrownBy(() -> BoundedBody.send(http, get("/declared"), BoundedBody.bytes(BoundedBody.JSON),
                Duration.ofSeconds(10))).isInstanceOf(BoundedBody.TooLargeException.class)
                .hasMessageContaining("4294967296 bytes");
    }

    @Test
    void streamsAndLinesAreCapped() throws IOException {
        assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(new byte[101]), 100, "the torrent"))
                .isInstanceOf(BoundedBody.TooLargeException.class).hasMessageContaining("the torrent");
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[100]), 100, "x")).hasSize(100);
        var lines = new ByteArrayInputStream("data: a\r\n\nendless".getBytes(StandardCharsets.UTF_8));
        assertThat(BoundedBody.readLine(lines, 10)).isEqualTo("data: a");
        assertThat(BoundedBody.readLine(lines, 10)).isEmpty();
        assertThat(BoundedBody.readLine(lines, 10)).isEqualTo("endless");
        assertThat(BoundedBody.readLine(lines, 10)).isNull();
        assertThatThrownBy(() -> BoundedBody.readLine(new ByteArrayInputStream(new byte[11]), 10))
                .isInstanceOf(BoundedBody.TooLargeException.class);
    }
}
