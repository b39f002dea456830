package net.p2pnet.agent.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.p2pnet.agent.upstream.RendezvousSession;
import net.p2pnet.agent.support.RunningAgent;
import net.p2pnet.agent.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rooms created from the agent's API on a real chatroom service, with the service's
 * refusals (name taken, invalid topic) coming back as clear problems.
 */
class RoomCreationTest {

    private static final String[] NETWORK = {"p2pnet.network.name=room-test",
            "p2pnet.network.secret=room-test-secret-0123456789abcdef", "p2pnet.network.join-key=join-room-test"};

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Test
    void roomsAreCreatedThroughTheApiAndRefusalsAreClear() throws Exception {
        try (ServiceProcess rendezvous = ServiceProcess.start(ServiceProcess.jar("rendezvous-server"), work.resolve("r"),
                work.resolve("r.log"), with("p2pnet.rendezvous.public-address=127.0.0.1:{port}"));
                ServiceProcess chat = ServiceProcess.start(ServiceProcess.jar("chatroom-service"), work.resolve("c"),
                        work.resolve("c.log"), with("p2pnet.chatroom.public-url=http://127.0.0.1:{port}",
                                "p2pnet.chatroom.rendezvous-urls=" + rendezvous.url(),
                                "p2pnet.chatroom.announce-interval=1s"))) {
            Path servers = Files.writeString(work.resolve("SERVERS"), "127.0.0.1:" + rendezvous.port() + "\n");
            try (RunningAgent agent = RunningAgent.start(work.resolve("agent"), "p2pnet.agent.servers-file=" + servers,
                    "p2pnet.agent.join-key=join-room-test", "p2pnet.agent.name=carol",
                    "p2pnet.agent.rooms.chatroom-url=" + chat.url())) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> agent.bean(RendezvousSession.class).status().registered());

                HttpResponse<String> created = agent.postJson("/api/v1/rooms", "{\"name\":\"team\",\"topic\":\"plans\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                JsonNode room = json.readTree(created.body());
                assertThat(room.path("name").asString()).isEqualTo("team");
                assertThat(room.path("private").asBoolean()).isFalse();
                assertThat(room.path("hostUrl").asString()).isEqualTo(chat.url());
                // joinable at once, before the chatroom service has announced it to the directory
                HttpResponse<String> joined = agent.postJson("/api/v1/rooms/team/join", "");
                assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);

                HttpResponse<String> taken = agent.postJson("/api/v1/rooms", "{\"name\":\"team\"}");
                assertThat(taken.statusCode()).isEqualTo(409);
                assertThat(taken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(json.readTree(taken.body()).path("detail").asString()).contains("'team'")
                        .contains("already exists");

                HttpResponse<String> badName = agent.postJson("/api/v1/rooms", "{\"name\":\"bad name\"}");
                assertThat(badName.statusCode()).isEqualTo(400);
                assertThat(badName.body()).contains("room name must be 1-64");
                HttpResponse<String> longTopic = agent.postJson("/api/v1/rooms",
                        "{\"name\":\"topical\",\"topic\":\"" + "x".repeat(300) + "\"}");
                assertThat(longTopic.statusCode()).isEqualTo(400);
                assertThat(json.readTree(longTopic.body()).path("detail").asString()).contains("topic")
                        .contains("256");

                HttpResponse<String> secret = agent.postJson("/api/v1/rooms", "{\"name\":\"secret\",\"private\":true}");
                assertThat(secret.statusCode()).as(secret.body()).isEqualTo(201);
                assertThat(json.readTree(secret.body()).path("private").asBoolean()).isTrue();
                assertThat(json.readTree(secret.body()).path("inviteCode").isString()).isTrue();


                await().atMost(Duration.ofSeconds(30)).until(() -> agent.get("/api/v1/rooms").body().contains("\"team\""));
            }
        }
    }


    private static String[] with(String... more) {
        String[] all = new String[NETWORK.length + more.length];
        System.arraycopy(NETWORK, 0, all, 0, NETWORK.length);
        System.arraycopy(more, 0, all, NETWORK.length, more.length);
        return all;
    }
}
