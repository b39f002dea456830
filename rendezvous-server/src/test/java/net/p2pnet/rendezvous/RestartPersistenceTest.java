package net.p2pnet.rendezvous;

import static net.p2pnet.rendezvous.support.TestHttp.bearer;
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
import java.util.List;
import java.util.UUID;
import net.p2pnet.model.api.AnnouncedRoom;
import net.p2pnet.model.api.PeerRegistration;
import net.p2pnet.model.api.RoomAnnouncement;
import net.p2pnet.model.crypto.KeyPurpose;
import net.p2pnet.rendezvous.support.RendezvousNode;
import net.p2pnet.rendezvous.support.TestHttp;
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
        Assumptions.assumeTrue(postgresAnswers(), "PostgreSQL is not running on 127.0.0.1:5432");
        String schema = "rdv_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            restartKeepsState(new RendezvousNode("pg", "restart-test-secret-0123456789", root)
                    .property("spring.profiles.active", "postgres").property("P2PNET_DB_SCHEMA", schema));
            try (Connection db = DriverManager.getConnection(PG_URL, "postgres", "");
                    ResultSet rows = db.createStatement().executeQuery("select count(*) from " + schema + ".own_peer")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        } finally {
            try (Connection db = DriverManager.getConnection(PG_URL, "postgres", "")) {
                db.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private void restartKeepsState(RendezvousNode node) throws Exception {
        String peer;
        String ticket;
        try (node) {
            node.knows(new RendezvousNode("absent", "unused-secret-0123456789", root)).start();
            JsonNode registered = json(post(node.url("/api/v1/peers"),
                    TestHttp.toJson(new PeerRegistration("pat", 6881, null, node.joinKey()))));
            peer = registered.get("peerId").asString();
            ticket = registered.get("ticket").asString();
            String body = TestHttp.toJson(new RoomAnnouncement("http://chat.test:8800",
                    List.of(new AnnouncedRoom("kept", "t", 4))));
            assertThat(post(node.url("/api/v1/rooms/announce"), body, signed(node.key(), KeyPurpose.SERVICE_CREDENTIAL,
                    "chat", "POST", "/api/v1/rooms/announce", body)).statusCode()).isEqualTo(204);
        } // a graceful stop writes pending changes, so nothing is waited for here
        node.knows().start();
        try (node) {
            HttpResponse<String> found = get(node.url("/api/v1/peers/" + peer), bearer(ticket));
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            assertThat(json(found).get("port").asInt()).isEqualTo(6881);
            assertThat(json(get(node.url("/api/v1/rooms/kept"))).get("users").asInt()).isEqualTo(4);
            // The server learnt from the first SERVERS file is still known although the file was emptied.
            assertThat(json(get(node.url("/api/v1/servers"))).size()).isEqualTo(2);
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
