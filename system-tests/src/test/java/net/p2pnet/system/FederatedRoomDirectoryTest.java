package net.p2pnet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A room created on the chatroom service, which announces only to rendezvous server A, is listed
 * with its user count by rendezvous server B of the same network; deleting it removes it there too.
 * Three real processes talking over loopback.
 */
class FederatedRoomDirectoryTest {

    private final String secret = "system-test-" + UUID.randomUUID();
    private final String joinKey = "join-" + UUID.randomUUID();
    private final HttpJson http = new HttpJson();
    private final List<ServiceProcess> running = new java.util.ArrayList<>();

    @Test
    void roomHostedBesideServerAIsListedByServerBWithItsUserCount(@TempDir Path tmp) throws Exception {
        Map<String, String> serverEnv = ServiceProcess.env("P2PNET_NETWORK_NAME", "systest",
                "P2PNET_NETWORK_SECRET", secret, "P2PNET_NETWORK_JOIN_KEY", joinKey);
        ServiceProcess a = rendezvous("rendezvous-a", tmp.resolve("a"), serverEnv, null);
        ServiceProcess b = rendezvous("rendezvous-b", tmp.resolve("b"), serverEnv, a);
        int chatPort = ServiceProcess.freePort();
        ServiceProcess chat = started(ServiceProcess.start("chatroom", "chatroom-service", chatPort, tmp.resolve("chat"),
                serverEnv, List.of("--p2pnet.chatroom.rendezvous-urls=" + a.url(),
                        "--p2pnet.chatroom.public-url=http://127.0.0.1:" + chatPort)));

        PeerKey alice = PeerKey.generate();
        HttpJson.Answer registered = http.signedBy(alice, PeerAudience.RENDEZVOUS).post(a.url() + "/api/v1/peers", null,
                Map.of("name", "alice", "transferPort", 6881, "joinKey", joinKey));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String ticket = registered.json().get("ticket").asText();
        HttpJson chatting = http.signedBy(alice, PeerAudience.CHATROOM);

        String room = "systest-" + UUID.randomUUID().toString().substring(0, 8);
        HttpJson.Answer created = chatting.post(chat.url() + "/api/v1/rooms", ticket, Map.of("name", room, "topic", "big files"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        HttpJson.Answer joined = chatting.post(chat.url() + "/api/v1/rooms/" + room + "/members", ticket, Map.of("nickname", "alice"));
        assertThat(joined.status()).as(joined.body()).isIn(200, 201);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode entry = roomOn(b, room);
            assertThat(entry).as("room %s on server B", room).isNotNull();
            assertThat(entry.get("users").asInt()).isEqualTo(1);
            assertThat(entry.get("topic").asText()).isEqualTo("big files");
            assertThat(entry.get("hostUrl").asText()).isEqualTo(chat.url());
        });

        HttpJson.Answer deleted = chatting.delete(chat.url() + "/api/v1/rooms/" + room, ticket);
        assertThat(deleted.status()).as(deleted.body()).isIn(200, 204);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(roomOn(b, room)).as("deleted room on server B").isNull());
    }

    private JsonNode roomOn(ServiceProcess server, String room) throws Exception {
        HttpJson.Answer rooms = http.get(server.url() + "/api/v1/rooms", null);
        assertThat(rooms.status()).as(rooms.body()).isEqualTo(200);
        for (JsonNode entry : rooms.json()) {
            if (room.equals(entry.get("name").asText())) {
                return entry;
            }
        }
        return null;
    }

    private ServiceProcess rendezvous(String name, Path dir, Map<String, String> env, ServiceProcess knows) throws Exception {
        Files.createDirectories(dir);
        Path servers = dir.resolve("SERVERS");
        Files.writeString(servers, knows == null ? "# first server\n" : "127.0.0.1:" + knows.port() + "\n");
        int port = ServiceProcess.freePort();
        return started(ServiceProcess.start(name, "rendezvous-server", port, dir, env, List.of(
                "--p2pnet.rendezvous.servers-file=" + servers,
                "--p2pnet.rendezvous.public-address=127.0.0.1:" + port)));
    }

    private ServiceProcess started(ServiceProcess service) {
        running.add(service);
        return service;
    }

    @AfterEach
    void stopAll() throws Exception {
        for (ServiceProcess service : running.reversed()) {
            service.close();
        }
    }
}
