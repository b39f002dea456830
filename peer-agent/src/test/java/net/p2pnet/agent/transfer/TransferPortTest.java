package net.p2pnet.agent.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import net.p2pnet.agent.testkit.OneSlotSeed;
import net.p2pnet.agent.testkit.TestAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The transfer port over real HTTP: protocol answers, HTTP Range, upload slots, clear errors. */
class TransferPortTest {

    private static final int PIECE = 256 * 1024;
    private static final long SIZE = 3L * PIECE + 1000;

    @TempDir
    static Path dir;

    static TestAgent agent;
    static Path file;
    static SharedContent shared;
    static byte[] bytes;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() throws Exception {
        OneSlotSeed seed = OneSlotSeed.start(dir, "served file.bin", SIZE, PIECE, 11);
        agent = seed.agent();
        file = seed.file();
        shared = seed.shared();
        bytes = seed.bytes();
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @Test
    void fileInfoTellsPiecesHashsetAndSize() throws Exception {
        HttpResponse<byte[]> response = get("/p2p/v1/files/" + shared.infoHash());
        assertThat(response.statusCode()).isEqualTo(200);
        FileInfo info = json.readValue(response.body(), FileInfo.class);
        assertThat(info.size()).isEqualTo(SIZE);
        assertThat(info.pieceCount()).isEqualTo(4);
        assertThat(info.complete()).isTrue();
        assertThat(BitSet.valueOf(info.verifiedPieces()).cardinality()).isEqualTo(4);
        assertThat(info.ed2kHash()).isEqualTo(shared.ed2k().hex());
        assertThat(info.ed2kHashset()).isEqualTo(shared.ed2k().chunkHashes());
        assertThat(get("/p2p/v1/files/" + shared.infoHash() + "/torrent").body()).isEqualTo(shared.torrent());
        assertThat(json.readValue(get("/p2p/v1/ed2k/" + shared.ed2k().hex()).body(), FileInfo.class).infoHash())
                .isEqualTo(shared.infoHash());
    }

    @Test
    void pieceRequestsAnswerExactlyThePieceBytes() throws Exception {
        assertThat(get("/p2p/v1/files/" + shared.infoHash() + "/pieces/1").body())
                .isEqualTo(Arrays.copyOfRange(bytes, PIECE, 2 * PIECE));
        assertThat(get("/p2p/v1/files/" + shared.infoHash() + "/pieces/3").body())
                .isEqualTo(Arrays.copyOfRange(bytes, 3 * PIECE, (int) SIZE));
    }

    @Test
    void aRunOfPiecesComesBackToBackInOneAnswer() throws Exception {
        assertThat(get("/p2p/v1/files/" + shared.infoHash() + "/pieces/1?count=3").body())
                .isEqualTo(Arrays.copyOfRange(bytes, PIECE, (int) SIZE));
        assertThat(get("/p2p/v1/files/" + shared.infoHash() + "/pieces/0?count=1").body())
                .isEqualTo(Arrays.copyOfRange(bytes, 0, PIECE));
        assertProblem(get("/p2p/v1/files/" + shared.infoHash() + "/pieces/2?count=3"), 400, "count must be 1..2");
        assertProblem(get("/p2p/v1/files/" + shared.infoHash() + "/pieces/0?count=0"), 400, "count must be");
        assertProblem(get("/p2p/v1/files/" + shared.infoHash() + "/pieces/0?count=-2"), 400, "count must be");
        assertProblem(get("/p2p/v1/files/" + shared.infoHash() + "/pieces/0?count=+2"), 400, "count must be");
        assertProblem(get("/p2p/v1/files/" + shared.infoHash() + "/pieces/0?count=99999999999"), 400, "count must be");
        assertProblem(get("/p2p/v1/files/" + shared.infoHash() + "/pieces/0?count=x"), 400, "count must be");
    }

    @Test
    void theClientHandsOutARunPieceByPieceFromOneBuffer() throws Exception {
        TransferClient client = agent.bean(TransferClient.class);
        InetSocketAddress source = new InetSocketAddress("127.0.0.1", agent.transferPort());
        int[] sizes = {PIECE, PIECE, (int) SIZE - 3 * PIECE};
        ByteBuffer buffer = ByteBuffer.allocateDirect(PIECE);
        List<byte[]> received = new ArrayList<>();
        AtomicLong counted = new AtomicLong();
        client.pieces(source, shared.infoHash(), 1, sizes, buffer, counted::addAndGet,
                (part, data) -> {
                    assertThat(data).isSameAs(buffer);
                    byte[] copy = new byte[data.remaining()];
                    data.get(copy);
                    received.add(copy);
                });
        assertThat(received).hasSize(3);
        assertThat(received.get(0)).isEqualTo(Arrays.copyOfRange(bytes, PIECE, 2 * PIECE));
        assertThat(received.get(2)).isEqualTo(Arrays.copyOfRange(bytes, 3 * PIECE, (int) SIZE));
        assertThat(counted.get()).isEqualTo(SIZE - PIECE);
        // an answer of another length than the run asks for is refused before anything is handed out
        received.clear();
        assertThatThrownBy(() -> client.pieces(source,
                        shared.infoHash(), 2, new int[] {PIECE, PIECE}, buffer, n -> { },
                        (part, data) -> received.add(new byte[0])))
                .isInstanceOf(IOException.class).hasMessageContaining("were asked");
        assertThat(received).isEmpty();
        // the connection that carried the refused answer is not reused: the next run comes back whole
        // (the one slot stays taken until the agent sees the refused answer's connection closed)
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(TransferClient.BusyException.class)
                .untilAsserted(() -> client.pieces(source, shared.infoHash(), 0, new int[] {PIECE}, buffer,
                        n -> { }, (part, data) -> {
                            byte[] copy = new byte[data.remaining()];
                            data.get(copy);
                            received.add(copy);
                        }));
        assertThat(received.get(0)).isEqualTo(Arrays.copyOf(bytes, PIECE));
    }

    @Test
    void wholeFileAndRangesForAnyHttpClient() throws Exception {
        String path = "/files/" + shared.infoHash() + "/served%20file.bin";
        HttpResponse<byte[]> whole = get(path);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.body()).isEqualTo(bytes);

        HttpResponse<byte[]> range = get(path, "bytes=100-199");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 100-199/" + SIZE);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(bytes, 100, 200));

        HttpResponse<byte[]> suffix = get(path, "bytes=-10");
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(bytes, (int) SIZE - 10, (int) SIZE));

        HttpResponse<byte[]> unsatisfiable = get(path, "bytes=" + SIZE + "-");
        assertThat(unsatisfiable.statusCode()).isEqualTo(416);
        assertThat(unsatisfiable.headers().firstValue("Content-Range")).contains("bytes */" + SIZE);
        assertThat(unsatisfiable.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void badRequestsGetProblemDetails() throws Exception {
        assertProblem(get("/p2p/v1/files/" + "0".repeat(40)), 404, "serves no file with info-hash");
        assertProblem(get("/p2p/v1/files/" + shared.infoHash() + "/pieces/4"), 400, "piece index must be 0..3");
        assertProblem(get("/p2p/v1/files/" + shared.infoHash() + "/pieces/-1"), 400, "piece index");
        assertProblem(get("/p2p/v1/files/" + shared.infoHash() + "/pieces/abc"), 400, "piece index");
        assertProblem(get("/files/" + shared.infoHash() + "/..%2F..%2Fetc%2Fpasswd"), 404, "is called 'served file.bin'");
        assertProblem(get("/actuator/health"), 404, "no such transfer resource");
        HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(uri("/p2p/v1/files/" + shared.infoHash()))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertProblem(post, 405, "GET and HEAD only");
    }

    @Test
    void busyAgentAnswers503WithRetryAfter() throws Exception {
        agent.limits().setUploadLimit(32 * 1024); // the first request now holds the only slot for seconds
        try {
            CompletableFuture<HttpResponse<byte[]>> slow = http.sendAsync(
                    HttpRequest.newBuilder(uri("/p2p/v1/files/" + shared.infoHash() + "/pieces/0")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> busy = null;
            for (int i = 0; i < 100 && (busy == null || busy.statusCode() != 503); i++) {
                Thread.sleep(50);
                busy = getOnce("/p2p/v1/files/" + shared.infoHash() + "/pieces/1");
            }
            assertProblem(busy, 503, "upload slot");
            assertThat(busy.headers().firstValue("Retry-After")).contains("2");
            agent.limits().setUploadLimit(0);
            assertThat(slow.get().body()).isEqualTo(Arrays.copyOfRange(bytes, 0, PIECE));
        } finally {
            agent.limits().setUploadLimit(0);
        }
    }

    @Test
    void sourceExchangePassesOnAgentsThatAskedForTheFile() throws Exception {
        http.send(HttpRequest.newBuilder(uri("/p2p/v1/files/" + shared.infoHash())).header("X-P2pnet-Port", "45678")
                .build(), HttpResponse.BodyHandlers.discarding());
        String sources = new String(get("/p2p/v1/files/" + shared.infoHash() + "/sources").body());
        assertThat(sources).contains("127.0.0.1:45678");
    }

    private void assertProblem(HttpResponse<byte[]> response, int status, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(new String(response.body())).contains("\"status\":" + status).contains(detail);
    }

    /**
     * One request as a well-behaved client makes it: the agent has a single upload slot here, which
     * the previous answer may hold for a moment after its last byte, so a 503 is retried.
     */
    private HttpResponse<byte[]> get(String path) throws Exception {
        return whenFree(HttpRequest.newBuilder(uri(path)).build());
    }

    private HttpResponse<byte[]> get(String path, String range) throws Exception {
        return whenFree(HttpRequest.newBuilder(uri(path)).header("Range", range).build());
    }

    private HttpResponse<byte[]> getOnce(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> whenFree(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        for (int i = 0; i < 50 && response.statusCode() == 503; i++) {
            Thread.sleep(100);
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        return response;
    }

    private static URI uri(String path) {
        return URI.create(agent.baseUrl() + path);
    }
}
