package net.p2pnet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every persisting service runs its Flyway migrations and starts on a real PostgreSQL with the
 * {@code postgres} profile, each in its own schema: in a Testcontainers PostgreSQL where a Docker engine
 * is reachable, else on the one on 127.0.0.1:5432 ({@link TestDatabase}).
 */
@Tag("postgres")
class PostgresProfileTest {

    private final TestDatabase database = TestDatabase.get();
    private final List<String> schemas = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = {"rendezvous-server", "tracker-service", "chatroom-service", "peer-agent"})
    void serviceStartsOnPostgresAndMigratesItsOwnSchema(String module, @TempDir Path dataDir) throws Exception {
        String schema = "systest_" + module.replace('-', '_') + "_" + UUID.randomUUID().toString().substring(0, 8);
        schemas.add(schema);
        Map<String, String> env = ServiceProcess.env(
                "P2PNET_NETWORK_SECRET", "system-test-secret-" + UUID.randomUUID(),
                "P2PNET_NETWORK_JOIN_KEY", "system-test-join-key",
                "P2PNET_DB_URL", database.url(), "P2PNET_DB_USER", database.user(),
                "P2PNET_DB_PASSWORD", database.password(), "P2PNET_DB_SCHEMA", schema);

        try (ServiceProcess service = ServiceProcess.start(module, module, dataDir, env,
                List.of("--spring.profiles.active=postgres", "--p2pnet.agent.transfer-port=0"))) {
            try (Connection db = database.connect();
                 Statement sql = db.createStatement();
                 ResultSet rows = sql.executeQuery("select count(*), count(*) filter (where not success) from "
                         + schema + ".flyway_schema_history")) {
                rows.next();
                assertThat(rows.getInt(1)).as("migrations applied in %s", schema).isPositive();
                assertThat(rows.getInt(2)).as("failed migrations").isZero();
            }
        }
    }

    @AfterEach
    void dropSchemas() throws Exception {
        try (Connection db = database.connect(); Statement sql = db.createStatement()) {
            for (String schema : schemas) {
                sql.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
