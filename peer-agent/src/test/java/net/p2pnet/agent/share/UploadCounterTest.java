package net.p2pnet.agent.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import net.p2pnet.agent.support.RunningAgent;
import net.p2pnet.agent.transfer.TransferServer;
import net.p2pnet.agent.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bytes served of a shared file are counted on the transfer port, shown in the share, and kept across restarts. */
class UploadCounterTest {

    private static final int SIZE = 1_500_000;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;
    @TempDir
    Path shared;

    private RunningAgent start() {
        return RunningAgent.start(data, "p2pnet.agent.shared-dirs=" + shared, "p2pnet.agent.share.piece-length=256KB",
                "p2pnet.agent.share.upload-flush-interval=200ms");
    }

    @Test
    void servedBytesAreCountedPerFileAndSurviveARestart() throws Exception {
        byte[] content = new byte[SIZE];
        new Random(7).nextBytes(content);
        Files.write(shared.resolve("served.bin"), content);
        Files.writeString(shared.resolve("idle.txt"), "never downloaded");

        try (RunningAgent agent = start()) {
            JsonNode share = awaitShared(agent, "served.bin");
            assertThat(share.path("uploaded").asLong()).isZero();
            String url = "http://127.0.0.1:" + agent.bean(TransferServer.class).port() + "/files/"
                    + share.path("infoHash").asString() + "/served.bin";
            HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(whole.body()).isEqualTo(content);
            HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Range", "bytes=0-999").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(range.statusCode()).isEqualTo(206);

            Await.until("the upload counter to reach " + (SIZE + 1000), Duration.ofSeconds(30),
                    () -> uploaded(agent, "served.bin") == SIZE + 1000);
            assertThat(uploaded(agent, "idle.txt")).isZero();
        }
        try (RunningAgent again = start()) {
            assertThat(awaitShared(again, "served.bin").path("uploaded").asLong()).isEqualTo(SIZE + 1000);
            assertThat(uploaded(again, "idle.txt")).isZero();
        }
    }

    private JsonNode awaitShared(RunningAgent agent, String name) {
        JsonNode[] found = {null};
        Await.until(name + " to be shared", Duration.ofSeconds(60), () -> {
            found[0] = share(agent, name);
            return found[0] != null && "SHARED".equals(found[0].path("state").asString());
        });
        return found[0];
    }

    private long uploaded(RunningAgent agent, String name) {
        JsonNode share = share(agent, name);
        return share == null ? -1 : share.path("uploaded").asLong();
    }

    private JsonNode share(RunningAgent agent, String name) {
        try {
            for (JsonNode share : json.readTree(agent.get("/api/v1/shares").body())) {
                if (share.path("name").asString().equals(name)) {
                    return share;
                }
            }
            return null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
