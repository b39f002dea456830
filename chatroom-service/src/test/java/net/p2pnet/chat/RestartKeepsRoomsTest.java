package net.p2pnet.chat;

import static net.p2pnet.chat.ConversationTest.join;
import static net.p2pnet.chat.ConversationTest.say;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import net.p2pnet.chat.support.ChatClient;
import net.p2pnet.chat.support.ChatServiceTestBase;
import net.p2pnet.model.crypto.NetworkKey;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The whole service stopped and started again on the same data directory keeps rooms and history. */
class RestartKeepsRoomsTest {

    private final String dataDir = "./target/test-data/restart-" + UUID.randomUUID();
    private final NetworkKey key = NetworkKey.derive("restartnet", ChatServiceTestBase.SECRET);

    @Test
    void roomsTopicsInviteCodesAndHistorySurviveARestart() {
        String invite;
        long lastId;
        try (ConfigurableApplicationContext first = start()) {
            ChatClient owner = client(first, "owner");
            owner.post("/api/v1/rooms", "{\"name\":\"kept\",\"topic\":\"still here\"}");
            invite = ChatClient.json(owner.post("/api/v1/rooms", "{\"name\":\"hidden\",\"private\":true}"))
                    .get("inviteCode").asString();
            join(owner, "kept", "owner");
            say(owner, "kept", "first");
            say(owner, "kept", "second");
            lastId = ChatClient.json(owner.get("/api/v1/rooms/kept/messages")).get(1).get("id").asLong();
        }
        try (ConfigurableApplicationContext second = start()) {
            ChatClient owner = client(second, "owner");
            JsonNode kept = ChatClient.json(owner.get("/api/v1/rooms/kept"));
            assertThat(kept.get("topic").asString()).isEqualTo("still here");
            assertThat(kept.get("owner").asBoolean()).isTrue();
            assertThat(kept.get("users").asInt()).as("presence is not kept: agents join again").isZero();
            assertThat(ChatClient.json(owner.get("/api/v1/rooms/kept/messages")).findValuesAsString("text"))
                    .containsExactly("first", "second");
            assertThat(ChatClient.json(owner.get("/api/v1/rooms/hidden")).get("inviteCode").asString())
                    .isEqualTo(invite);
            ChatClient guest = client(second, "guest");
            assertThat(guest.post("/api/v1/rooms/hidden/members",
                    "{\"nickname\":\"guest\",\"inviteCode\":\"" + invite + "\"}").statusCode()).isEqualTo(201);
            join(owner, "kept", "owner");
            say(owner, "kept", "third");
            JsonNode after = ChatClient.json(owner.get("/api/v1/rooms/kept/messages?after=" + lastId));
            assertThat(after.findValuesAsString("text")).containsExactly("third");
            assertThat(after.get(0).get("id").asLong()).as("ids keep increasing across restarts")
                    .isGreaterThan(lastId);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ChatroomApplication.class).run(
                "--server.port=0", "--p2pnet.network.name=restartnet",
                "--p2pnet.network.secret=" + ChatServiceTestBase.SECRET, "--p2pnet.data-dir=" + dataDir);
    }

    private ChatClient client(ConfigurableApplicationContext context, String peerId) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return ChatClient.peer(port, key, Clock.systemUTC(), peerId);
    }
}
