package net.p2pnet.agent.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;
import net.p2pnet.agent.support.RunningAgent;
import net.p2pnet.model.api.ShareState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's migration and JPA mapping on PostgreSQL (profile {@code postgres}, the local server
 * at 127.0.0.1:5432): the hash cache and the shared roots survive a restart there too.
 */
@Tag("postgres")
class SharingPostgresTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private final String schema = "agent_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @TempDir
    Path data;

    @AfterEach
    void dropSchema() throws Exception {
        try (var connection = DriverManager.getConnection(URL, "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void hashCacheAndRootsLiveInPostgresAcrossRestarts() throws Exception {
        Path dir = Files.createDirectories(data.resolve("files"));
        Files.write(dir.resolve("a.bin"), new byte[700_000]);
        String[] config = {"spring.profiles.active=postgres", "P2PNET_DB_SCHEMA=" + schema};
        String infoHash;
        try (RunningAgent agent = RunningAgent.start(data, config)) {
            assertThat(agent.postJson("/api/v1/shares", "{\"path\":\"" + dir + "\"}").statusCode()).isEqualTo(201);
            ShareService shares = agent.bean(ShareService.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> shares.list().size() == 1
                    && shares.list().getFirst().state() == ShareState.SHARED);
            infoHash = shares.list().getFirst().infoHash();
        }
        try (RunningAgent again = RunningAgent.start(data, config)) {
            ShareService shares = again.bean(ShareService.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> shares.list().size() == 1
                    && shares.list().getFirst().state() == ShareState.SHARED);
            assertThat(shares.list().getFirst().infoHash()).isEqualTo(infoHash);
            assertThat(again.bean(MeterRegistry.class).get("p2pnet.agent.hashing").counter().count())
                    .isZero();
        }
    }
}
