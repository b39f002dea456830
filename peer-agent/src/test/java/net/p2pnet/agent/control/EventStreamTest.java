package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.p2pnet.model.net.SseReader;
import net.p2pnet.agent.support.RunningAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/events} over a real HTTP connection: share events arrive as they happen. */
class EventStreamTest {

    @TempDir
    Path data;

    @Test
    void subscriberReceivesShareEventsFromHashingToShared() throws Exception {
        Path dir = Files.createDirectories(data.resolve("to-share"));
        Files.write(dir.resolve("clip.bin"), new byte[123_456]);
        BlockingQueue<SseReader.Event> events = new LinkedBlockingQueue<>();
        try (RunningAgent agent = RunningAgent.start(data)) {
            HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(agent.url() + "/api/v1/events")).build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            SseReader reader = new SseReader(events::add);
            Thread.ofVirtual().start(() -> stream.body().forEach(reader::line));

            assertThat(agent.postJson("/api/v1/shares", "{\"path\":\"" + dir + "\"}").statusCode()).isEqualTo(201);

            SseReader.Event hashing = events.poll(30, TimeUnit.SECONDS);
            assertThat(hashing).isNotNull();
            assertThat(hashing.name()).isEqualTo("share");
            assertThat(hashing.data()).contains("clip.bin").contains("\"state\":\"HASHING\"");
            SseReader.Event shared = events.poll(60, TimeUnit.SECONDS);
            assertThat(shared).isNotNull();
            assertThat(shared.data()).contains("\"state\":\"SHARED\"").contains("ed2k://|file|clip.bin|123456|");
        }
    }
}
