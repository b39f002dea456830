package net.p2pnet.agent.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import net.p2pnet.agent.testkit.OneSlotSeed;
import net.p2pnet.agent.testkit.TestAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfer port's HTTP/1.1 itself, over raw sockets: keep-alive and pipelining, HTTP/1.0,
 * HEAD, and requests that are malformed, too large, of another version or with a body, each of
 * which gets a clear status without disturbing what comes next.
 */
class TransferHttpTest {

    private static final int PIECE = 256 * 1024;
    private static final long SIZE = 6L * PIECE + 77;

    @TempDir
    static Path dir;

    static TestAgent agent;
    static SharedContent shared;
    static byte[] bytes;

    @BeforeAll
    static void start() throws Exception {
        OneSlotSeed seed = OneSlotSeed.start(dir, "http.bin", SIZE, PIECE, 5);
        agent = seed.agent();
        shared = seed.shared();
        bytes = seed.bytes();
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @Test
    void pipelinedRequestsOnOneConnectionAreAnsweredInOrder() throws Exception {
        try (Socket socket = connect()) {
            send(socket, get("/p2p/v1/files/" + shared.infoHash() + "/pieces/1") + get("/files/" + shared.infoHash()
                    + "/http.bin", "Range: bytes=10-19") + get("/p2p/v1/files/" + shared.infoHash() + "/pieces/6"));
            InputStream in = socket.getInputStream();
            Response first = Response.read(in);
            Response second = Response.read(in);
            Response third = Response.read(in);
            assertThat(first.status).isEqualTo(200);
            assertThat(first.body).isEqualTo(Arrays.copyOfRange(bytes, PIECE, 2 * PIECE));
            assertThat(second.status).isEqualTo(206);
            assertThat(second.fields).containsEntry("content-range", "bytes 10-19/" + SIZE);
            assertThat(second.body).isEqualTo(Arrays.copyOfRange(bytes, 10, 20));
            assertThat(third.body).isEqualTo(Arrays.copyOfRange(bytes, 6 * PIECE, (int) SIZE));
            assertThat(third.fields).doesNotContainKey("connection");
            // still open for a fourth
            send(socket, get("/p2p/v1/files/" + shared.infoHash() + "/pieces/0"));
            assertThat(Response.read(in).body).isEqualTo(Arrays.copyOfRange(bytes, 0, PIECE));
        }
    }

    @Test
    void headTellsTheLengthAndSendsNoBody() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "HEAD /p2p/v1/files/" + shared.infoHash() + "/pieces/2?count=3 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + get("/p2p/v1/files/" + shared.infoHash() + "/pieces/2"));
            InputStream in = socket.getInputStream();
            Response head = Response.readHead(in);
            assertThat(head.status).isEqualTo(200);
            assertThat(head.fields).containsEntry("content-length", Integer.toString(3 * PIECE));
            // had a body followed, this would be read as the next answer's head
            Response next = Response.read(in);
            assertThat(next.status).isEqualTo(200);
            assertThat(next.body).isEqualTo(Arrays.copyOfRange(bytes, 2 * PIECE, 3 * PIECE));
        }
    }

    @Test
    void http10AndConnectionCloseEndTheConnectionAfterTheAnswer() throws Exception {
        for (String request : new String[] {
                "GET /p2p/v1/files/" + shared.infoHash() + " HTTP/1.0\r\n\r\n",
                "GET /p2p/v1/files/" + shared.infoHash() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"}) {
            try (Socket socket = connect()) {
                send(socket, request);
                Response response = Response.read(socket.getInputStream());
                assertThat(response.status).isEqualTo(200);
                assertThat(response.fields).containsEntry("connection", "close");
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            }
        }
        try (Socket socket = connect()) { // HTTP/1.0 that asks to keep the connection
            send(socket, "GET /p2p/v1/files/" + shared.infoHash() + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                    + get("/p2p/v1/files/" + shared.infoHash() + "/pieces/0"));
            assertThat(Response.read(socket.getInputStream()).fields).containsEntry("connection", "keep-alive");
            Response second = Response.read(socket.getInputStream());
            assertThat(second.body).hasSize(PIECE);
            assertThat(second.fields).doesNotContainKey("connection"); // HTTP/1.1: open unless told otherwise
        }
    }

    @Test
    void unreadableRequestsGetAClearStatusAndAClosedConnection() throws Exception {
        assertRejected("NONSENSE\r\n\r\n", 400, "METHOD target HTTP/1.1");
        assertRejected("GET /p2p/v1/files HTTP/2.0\r\nHost: x\r\n\r\n", 505, "HTTP/2.0");
        assertRejected("GET /p2p/v1/files SPDY/3\r\nHost: x\r\n\r\n", 400, "SPDY/3");
        assertRejected("GET /p2p/v1/files HTTP/1.1\r\n\r\n", 400, "Host");
        assertRejected("GET * HTTP/1.1\r\nHost: x\r\n\r\n", 400, "request target");
        assertRejected("GET /a HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n", 400, "no colon here");
        assertRejected("GET /" + "a".repeat(RequestHead.MAX_REQUEST_LINE) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414,
                "request line");
        StringBuilder many = new StringBuilder("GET /a HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i <= RequestHead.MAX_FIELDS; i++) {
            many.append("X-F").append(i).append(": 1\r\n");
        }
        assertRejected(many.append("\r\n").toString(), 431, "header fields");
        assertRejected("GET /a HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(RequestHead.MAX_HEAD_BYTES) + "\r\n\r\n", 431,
                "request head");
    }

    @Test
    void aRequestWithABodyIsRefusedAndTheConnectionClosed() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "POST /p2p/v1/files/" + shared.infoHash() + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n"
                    + "hello" + get("/p2p/v1/files/" + shared.infoHash()));
            Response response = Response.read(socket.getInputStream());
            assertThat(response.status).isEqualTo(405);
            assertThat(response.fields).containsEntry("allow", "GET, HEAD").containsEntry("connection", "close");
            assertThat(socket.getInputStream().read()).isEqualTo(-1); // the body is never taken for a request
        }
    }

    @Test
    void aSlowReaderGetsEveryByteAndAnAbandonedAnswerFreesItsSlot() throws Exception {
        // a small receive window keeps the agent's socket full: its sendfile then finds no room
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", agent.transferPort()));
            send(socket, get("/p2p/v1/files/" + shared.infoHash() + "/pieces/0?count=6"));
            InputStream in = socket.getInputStream();
            Response head = Response.readHead(in);
            assertThat(head.status).isEqualTo(200);
            byte[] body = new byte[6 * PIECE];
            int done = 0;
            while (done < body.length) {
                int read = in.read(body, done, Math.min(8192, body.length - done));
                assertThat(read).isPositive();
                done += read;
                if (done % (256 * 1024) < 8192) {
                    Thread.sleep(20);
                }
            }
            assertThat(body).isEqualTo(Arrays.copyOf(bytes, 6 * PIECE));
        }
        try (Socket socket = connect()) { // walks away after the head
            send(socket, get("/p2p/v1/files/" + shared.infoHash() + "/pieces/0?count=6"));
            assertThat(Response.readHead(socket.getInputStream()).status).isEqualTo(200);
        }
        // the only upload slot comes back once the agent notices: no 503 for long
        Response answer = null;
        for (int i = 0; i < 100 && (answer == null || answer.status == 503); i++) {
            try (Socket socket = connect()) {
                send(socket, get("/p2p/v1/files/" + shared.infoHash() + "/pieces/4"));
                answer = Response.read(socket.getInputStream());
            }
            if (answer.status == 503) {
                Thread.sleep(50);
            }
        }
        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.body).isEqualTo(Arrays.copyOfRange(bytes, 4 * PIECE, 5 * PIECE));
    }

    private static void assertRejected(String request, int status, String detail) throws IOException {
        try (Socket socket = connect()) {
            send(socket, request);
            Response response = Response.read(socket.getInputStream());
            assertThat(response.status).as(request.lines().findFirst().orElse("")).isEqualTo(status);
            assertThat(response.fields).containsEntry("content-type", "application/problem+json")
                    .containsEntry("connection", "close");
            assertThat(new String(response.body, StandardCharsets.UTF_8)).contains(detail);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", agent.transferPort());
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static String get(String path, String... fields) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String field : fields) {
            request.append(field).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    private static void send(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** An answer read off the wire: status, fields by lower-case name, body of Content-Length bytes. */
    private record Response(int status, Map<String, String> fields, byte[] body) {

        static Response read(InputStream in) throws IOException {
            Response head = readHead(in);
            int length = Integer.parseInt(head.fields.get("content-length"));
            return new Response(head.status, head.fields, in.readNBytes(length));
        }

        static Response readHead(InputStream in) throws IOException {
            String statusLine = line(in);
            assertThat(statusLine).startsWith("HTTP/1.1 ");
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field = line(in); !field.isEmpty(); field = line(in)) {
                int colon = field.indexOf(':');
                fields.put(field.substring(0, colon).toLowerCase(Locale.ROOT), field.substring(colon + 1).strip());
            }
            return new Response(Integer.parseInt(statusLine.substring(9, 12)), fields, new byte[0]);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed inside an answer's head");
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }
}
