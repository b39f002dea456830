package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.Bencode;
import net.p2pnet.model.torrent.Metainfo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Body budgets of the control API: a .torrent upload may use the whole torrent limit
 * ({@link Metainfo#MAX_TORRENT_BYTES}, not Spring's 1 MB multipart default) and no more; any other
 * body stops at {@code p2pnet.agent.control.max-body-size} (1 MiB), whether its length is declared
 * or it comes chunked. Each refusal is a 413 problem and the agent keeps serving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.data-dir=./target/test-data/${random.uuid}", "p2pnet.agent.transfer-port=0",
        "p2pnet.agent.control.allowed-hosts=agent.example,Build-Box"})
class RequestLimitsTest {

    private static final int MIB = 1024 * 1024;
    private static final String BOUNDARY = "b0undary";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void aTwoMebibyteTorrentIsAccepted() throws Exception {
        HttpResponse<String> added = upload(torrentOf(2 * MIB));
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.body()).contains("\"id\"");
    }

    @Test
    void aTorrentBeyondTheTorrentLimitIs413BeforeItIsSent() throws Exception {
        byte[] torrent = torrentOf(17 * MIB);
        assertThat(torrent.length).isGreaterThan(Metainfo.MAX_TORRENT_BYTES);

        HttpResponse<String> refused = upload(torrent);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("a .torrent may have at most " + Metainfo.MAX_TORRENT_BYTES + " bytes");
        assertThat(get("/api/v1/downloads").statusCode()).isEqualTo(200);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheClientSendsThem() throws Exception {
        String[] heads = {"PUT /api/v1/settings HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + 2 * MIB, "POST /api/v1/downloads HTTP/1.1\r\nContent-Type: multipart/form-data;"
                + " boundary=b\r\nContent-Length: " + 18 * MIB};
        for (String head : heads) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write((head + "\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                // no body sent: the answer must be the refusal, not "100 Continue"
                String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(statusLine).as(head).isEqualTo("HTTP/1.1 413");
            }
        }
    }

    @Test
    void aJsonBodyOverTheCapIs413WhetherDeclaredOrChunked() throws Exception {
        byte[] big = settingsWithPadding(MIB + 1);

        HttpResponse<String> declared = putSettings(HttpRequest.BodyPublishers.ofByteArray(big));
        // ofInputStream has no length: sent chunked, so only counting the bytes as they come can stop it
        HttpResponse<String> chunked = putSettings(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(settingsWithPadding(4 * MIB))));

        for (HttpResponse<String> refused : new HttpResponse[] {declared, chunked}) {
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("larger than the 1048576 bytes accepted")
                    .contains("p2pnet.agent.control.max-body-size");
        }
        assertThat(get("/api/v1/settings").body()).contains("\"uploadLimit\":0");
    }

    @Test
    void bodiesWithinTheCapWorkDeclaredOrChunked() throws Exception {
        byte[] fits = settingsWithPadding(MIB - 100);
        assertThat(putSettings(HttpRequest.BodyPublishers.ofByteArray(fits)).statusCode()).isEqualTo(200);
        assertThat(putSettings(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(fits)))
                .statusCode()).isEqualTo(200);
    }

    /** {@code {"uploadLimit":0,"padding":"xxx…"}} of exactly {@code size} bytes (unknown fields are ignored). */
    private static byte[] settingsWithPadding(int size) {
        String start = "{\"uploadLimit\":0,\"padding\":\"";
        String end = "\"}";
        char[] padding = new char[size - start.length() - end.length()];
        Arrays.fill(padding, 'x');
        return (start + new String(padding) + end).getBytes(StandardCharsets.US_ASCII);
    }

    /** A valid one-piece torrent made {@code size} bytes long by its comment. */
    private static byte[] torrentOf(int size) {
        BDictionary info = BDictionary.builder().put("name", "big-" + UUID.randomUUID() + ".bin")
                .put("piece length", 16384).put("pieces", new byte[20]).put("length", 10).build();
        int withoutComment = Bencode.encode(BDictionary.builder().put("comment", "").put("info", info).build()).length;
        int digits = String.valueOf(size).length();
        char[] comment = new char[size - withoutComment - digits + 1];
        Arrays.fill(comment, 'c');
        byte[] torrent = Bencode.encode(BDictionary.builder().put("comment", new String(comment)).put("info", info).build());
        assertThat(torrent.length).isBetween(size - 8, size + 8);
        return torrent;
    }

    @Test
    void aChunkedUploadBeyondTheLimitIsStoppedAsItArrives() throws Exception {
        byte[] body = multipart(torrentOf(17 * MIB));
        // no declared length: Tomcat's multipart parser counts the bytes against max-request-size
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("/api/v1/downloads"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("a .torrent may have at most " + Metainfo.MAX_TORRENT_BYTES + " bytes");
        assertThat(get("/api/v1/downloads").statusCode()).isEqualTo(200);
    }

    private static byte[] multipart(byte[] torrent) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"torrent\"; filename=\"x.torrent\"\r\n"
                + "Content-Type: application/x-bittorrent\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + torrent.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(torrent, 0, body, head.length, torrent.length);
        System.arraycopy(tail, 0, body, head.length + torrent.length, tail.length);
        return body;
    }

    private HttpResponse<String> upload(byte[] torrent) throws Exception {
        // as curl does for large bodies: the agent answers a refusal before the body is sent
        return http.send(HttpRequest.newBuilder(uri("/api/v1/downloads")).expectContinue(true)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(torrent))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> putSettings(HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/settings")).header("Content-Type", "application/json")
                .PUT(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
