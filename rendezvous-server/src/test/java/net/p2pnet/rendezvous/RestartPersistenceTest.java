package net.p2pnet.rendezvous;

import static net.p2pnet.rendezvous.support.TestHttp.get;
import static net.p2pnet.rendezvous.support.TestHttp.json;
import static net.p2pnet.rendezvous.support.TestHttp.post;
import static net.p2pnet.rendezvous.support.TestHttp.signed;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.p2pnet.model.api.AnnouncedRoom;
import net.p2pnet.model.api.PeerRegistration;
import net.p2pnet.model.api.RoomAnnouncement;
import net.p2pnet.model.crypto.KeyPurpose;
import net.p2pnet.rendezvous.support.RendezvousNode;
import net.p2pnet.rendezvous.support.TestHttp;
import net.p2pnet.rendezvous.support.TestPeer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A lone server restarted keeps its own registrations, rooms and server list: nobody else could
 * give them back. Runs on H2 (the default) and, when PostgreSQL answers on 127.0.0.1:5432, on the
 * {@code postgres} profile in a throw-away schema.
 */
class RestartPersistenceTest {

    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    Path root;

    @Test
    void ownPeersRoomsAndServersSurviveARestartOnH2() throws Exception {
        restartKeepsState(new RendezvousNode("h2", "restart-test-secret-0123456789", root));
    }

    @Test
    void ownPeersRoomsAndServersSurviveARestartOnPostgres() throws Exception {
        onPostgres(schema -> {
            restartKeepsState(new RendezvousNode("pg", "restart-test-secret-0123456789", root)
                    .property("spring.profiles.active", "postgres").property("P2PNET_DB_SCHEMA", schema));
            try (Connection db = DriverManager.getConnection(PG_URL, "postgres", "");
                    ResultSet rows = db.createStatement().executeQuery("select count(*) from " + schema + ".own_peer")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        });
    }

    /**
     * Write rounds run all the time here, so the stop meets one in flight that has taken the pending
     * changes: nothing may be lost to the two writes racing or to the database closing under the round.
     */
    @Test
    void registrationsJustBeforeAStopSurviveWhileWriteRoundsRunOnH2() throws Exception {
        stopDuringWriteRoundsLosesNothing(new RendezvousNode("busy-h2", "restart-test-secret-0123456789", root));
    }

    @Test
    void registrationsJustBeforeAStopSurviveWhileWriteRoundsRunOnPostgres() throws Exception {
        onPostgres(schema -> stopDuringWriteRoundsLosesNothing(
                new RendezvousNode("busy-pg", "restart-test-secret-0123456789", root)
                        .property("spring.profiles.active", "postgres").property("P2PNET_DB_SCHEMA", schema)));
    }

    /** Writes that fail (the tables are gone for a while) are tried again, not dropped. */
    @Test
    void writesThatFailWhileTheDatabaseMisbehavesAreRetriedOnPostgres() throws Exception {
        onPostgres(schema -> {
            RendezvousNode node = new RendezvousNode("failing-pg", "restart-test-secret-0123456789", root)
                    .property("spring.profiles.active", "postgres").property("P2PNET_DB_SCHEMA", schema)
                    .property("p2pnet.rendezvous.persist-interval", "50ms");
            TestPeer kept;
            node.knows(new RendezvousNode("absent", "unused-secret-0123456789", root));
            try (Connection db = DriverManager.getConnection(PG_URL, "postgres", "")) {
                node.start();
                try (node) {
                    db.createStatement().execute("alter table " + schema + ".own_peer rename to own_peer_away");
                    db.createStatement().execute("alter table " + schema + ".known_server rename to known_server_away");
                    db.createStatement().execute("delete from " + schema + ".known_server_away");
                    kept = TestPeer.registered(node, "kept", 6881);
                    Thread.sleep(1_000); // write rounds fail meanwhile
                    db.createStatement().execute("alter table " + schema + ".own_peer_away rename to own_peer");
                    db.createStatement().execute("alter table " + schema + ".known_server_away rename to known_server");
                }
            }
            node.knows().start();
            try (node) {
                HttpResponse<String> found = kept.get(node.url("/api/v1/peers/" + kept.id()));
                assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
                assertThat(json(get(node.url("/api/v1/servers"))).size()).isEqualTo(2);
            }
        });
    }

    private void stopDuringWriteRoundsLosesNothing(RendezvousNode node) throws Exception {
        node.property("p2pnet.rendezvous.persist-interval", "1ms").property("p2pnet.rendezvous.sync.servers-interval", "1ms");
        List<TestPeer> peers = new java.util.ArrayList<>();
        for (int round = 0; round < 3; round++) {
            node.knows(new RendezvousNode("absent-" + round, "unused-secret-0123456789", root)).start();
            try (node) {
                for (int i = 0; i < 15; i++) {
                    peers.add(TestPeer.registered(node, "p" + round + "-" + i, 6881 + i));
                }
            }
        }
        node.knows().start();
        try (node) {
            for (TestPeer peer : peers) {
                HttpResponse<String> found = peer.get(node.url("/api/v1/peers/" + peer.id()));
                assertThat(found.statusCode()).as(peer.id() + ": " + found.body()).isEqualTo(200);
            }
            // Each start learnt one server from its SERVERS file; each must have been written.
            assertThat(json(get(node.url("/api/v1/servers"))).size()).isEqualTo(4);
        }
    }

    private void restartKeepsState(RendezvousNode node) throws Exception {
        TestPeer pat;
        try (node) {
            node.knows(new RendezvousNode("absent", "unused-secret-0123456789", root)).start();
            pat = TestPeer.registered(node, "pat", 6881);
            String body = TestHttp.toJson(new RoomAnnouncement("http://chat.test:8800",
                    List.of(new AnnouncedRoom("kept", "t", 4))));
            assertThat(post(node.url("/api/v1/rooms/announce"), body, signed(node.key(), KeyPurpose.SERVICE_CREDENTIAL,
                    "chat", "POST", "/api/v1/rooms/announce", body)).statusCode()).isEqualTo(204);
        } // a graceful stop writes pending changes, so nothing is waited for here
        node.knows().start();
        try (node) {
            HttpResponse<String> found = pat.get(node.url("/api/v1/peers/" + pat.id()));
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            assertThat(json(found).get("port").asInt()).isEqualTo(6881);
            assertThat(json(get(node.url("/api/v1/rooms/kept"))).get("users").asInt()).isEqualTo(4);
            // The server learnt from the first SERVERS file is still known although the file was emptied.
            assertThat(json(get(node.url("/api/v1/servers"))).size()).isEqualTo(2);
        }
    }

    private interface SchemaTest {
        void run(String schema) throws Exception;
    }

    /** Runs on the {@code postgres} profile in a throw-away schema, when PostgreSQL answers. */
    private static void onPostgres(SchemaTest test) throws Exception {
        Assumptions.assumeTrue(postgresAnswers(), "PostgreSQL is not running on 127.0.0.1:5432");
        String schema = "rdv_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            test.run(schema);
        } finally {
            try (Connection db = DriverManager.getConnection(PG_URL, "postgres", "")) {
                db.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private static boolean postgresAnswers() {
        try (Connection ignored = DriverManager.getConnection(PG_URL, "postgres", "")) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
