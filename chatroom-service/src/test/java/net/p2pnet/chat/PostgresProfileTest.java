package net.p2pnet.chat;

import static net.p2pnet.chat.ConversationTest.join;
import static net.p2pnet.chat.ConversationTest.say;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import net.p2pnet.chat.support.ChatClient;
import net.p2pnet.chat.support.ChatServiceTestBase;
import net.p2pnet.model.crypto.NetworkKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code postgres} profile against the PostgreSQL of the development machines (127.0.0.1:5432,
 * database test, user postgres), in a schema of its own that is dropped afterwards. Skipped where no
 * PostgreSQL answers.
 */
class PostgresProfileTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private final String schema = "chat_test_" + UUID.randomUUID().toString().replace("-", "");
    private final NetworkKey key = NetworkKey.derive("pgnet", ChatServiceTestBase.SECRET);

    @BeforeEach
    void requirePostgres() {
        try (Connection ignored = DriverManager.getConnection(URL, "postgres", "")) {
            // reachable
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL at " + URL + ": " + e.getMessage());
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void migrationsValidateAndTheRoomFlowWorksOnPostgres() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ChatroomApplication.class)
                .profiles("postgres").run("--server.port=0", "--p2pnet.network.name=pgnet",
                        "--p2pnet.network.secret=" + ChatServiceTestBase.SECRET,
                        "--p2pnet.data-dir=./target/test-data/" + schema,
                        // the profile's own setting: each service keeps its tables in a schema of its own
                        "--P2PNET_DB_SCHEMA=" + schema)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            ChatClient owner = ChatClient.peer(port, key, Clock.systemUTC(), "pg-owner");
            assertThat(owner.post("/api/v1/rooms", "{\"name\":\"pg-room\",\"topic\":\"on postgres\"}").statusCode())
                    .isEqualTo(201);
            join(owner, "pg-room", "owner");
            say(owner, "pg-room", "stored in PostgreSQL", "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567");
            assertThat(ChatClient.json(owner.get("/api/v1/rooms/pg-room/messages")).findValuesAsString("text"))
                    .containsExactly("stored in PostgreSQL");
            assertThat(owner.delete("/api/v1/rooms/pg-room").statusCode()).isEqualTo(204);
            assertThat(owner.get("/api/v1/rooms/pg-room").statusCode()).isEqualTo(404);
        }
    }
}
