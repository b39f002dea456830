package net.p2pnet.chat;

import static net.p2pnet.chat.ConversationTest.join;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.p2pnet.chat.support.ChatClient;
import net.p2pnet.chat.support.ChatServiceTestBase;
import net.p2pnet.model.api.AnnouncedRoom;
import net.p2pnet.model.api.RoomAnnouncement;
import net.p2pnet.model.crypto.KeyPurpose;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.RequestVerifier;
import net.p2pnet.model.crypto.SignedRequest;
import net.p2pnet.model.crypto.VerificationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The announcement contract with rendezvous servers, checked against small real HTTP servers that
 * verify the signature the way a rendezvous server does (shared-model's {@link RequestVerifier} with
 * the service-credential sub-key): one of our network, one of another network (refuses), and a port
 * where nothing listens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.network.name=announcenet",
        "p2pnet.network.secret=" + ChatServiceTestBase.SECRET,
        "p2pnet.data-dir=./target/test-data/${random.uuid}",
        "p2pnet.chatroom.public-url=http://chat.test:8800",
        "p2pnet.chatroom.announce-interval=300ms",
        "p2pnet.chatroom.announce-debounce=20ms"})
class RoomAnnouncerContractTest {

    private static final NetworkKey OUR_KEY = NetworkKey.derive("announcenet", ChatServiceTestBase.SECRET);
    private static final Directory OURS = new Directory(OUR_KEY);
    private static final Directory FOREIGN = new Directory(
            NetworkKey.derive("announcenet", "a-different-network-secret-42"));

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void rendezvousServers(DynamicPropertyRegistry registry) throws IOException {
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingListens = socket.getLocalPort();
        }
        registry.add("p2pnet.chatroom.rendezvous-urls", () -> String.join(",",
                "http://127.0.0.1:" + OURS.port() + "/", "http://127.0.0.1:" + FOREIGN.port(),
                "http://127.0.0.1:" + nothingListens));
    }

    @AfterAll
    static void stopServers() {
        OURS.stop();
        FOREIGN.stop();
    }

    @Test
    void publicRoomsAndUserCountsAreAnnouncedSignedAndDeletedRoomsDisappear() throws Exception {
        ChatClient owner = ChatClient.peer(port, OUR_KEY, Clock.systemUTC(), "announcer-owner");
        owner.post("/api/v1/rooms", "{\"name\":\"announced\",\"topic\":\"linux isos\"}");
        owner.post("/api/v1/rooms", "{\"name\":\"unlisted\",\"private\":true}");
        join(owner, "announced", "owner");

        RoomAnnouncement withRoom = OURS.await(a -> a.rooms().contains(new AnnouncedRoom("announced", "linux isos", 1)));
        assertThat(withRoom.serviceUrl()).isEqualTo("http://chat.test:8800");
        assertThat(withRoom.rooms()).extracting(AnnouncedRoom::name).doesNotContain("unlisted");

        owner.delete("/api/v1/rooms/announced");
        RoomAnnouncement afterDelete = OURS.await(a -> a.rooms().stream().noneMatch(r -> r.name().equals("announced")));
        assertThat(afterDelete.rooms()).isEmpty();

        assertThat(FOREIGN.refused()).as("another network's server refuses our signature").isPositive();
        assertThat(meters.counter("p2pnet.chat.announces", "result", "failed").count()).isPositive();
        assertThat(meters.counter("p2pnet.chat.announces", "result", "ok").count()).isPositive();
    }

    /** A minimal rendezvous directory endpoint: verifies, records, answers 204 (or 401). */
    private static final class Directory {
        private final RequestVerifier verifier;
        private final HttpServer server;
        private final BlockingQueue<RoomAnnouncement> accepted = new LinkedBlockingQueue<>();
        private volatile int refused;

        Directory(NetworkKey key) {
            verifier = new RequestVerifier(key, KeyPurpose.SERVICE_CREDENTIAL, Clock.systemUTC(), Duration.ofMinutes(2),
                    10_000);
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/api/v1/rooms/announce", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        int refused() {
            return refused;
        }

        void stop() {
            server.stop(0);
        }

        RoomAnnouncement await(Predicate<RoomAnnouncement> wanted) throws InterruptedException {
            Instant giveUp = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(giveUp)) {
                RoomAnnouncement next = accepted.poll(1, TimeUnit.SECONDS);
                if (next != null && wanted.test(next)) {
                    return next;
                }
            }
            throw new AssertionError("no matching announcement arrived");
        }

        private void handle(HttpExchange exchange) throws IOException {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                verifier.verify(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), body,
                        SignedRequest.fromHeaders(exchange.getRequestHeaders()::getFirst));
                accepted.add(ChatClient.JSON.readValue(body, RoomAnnouncement.class));
                exchange.sendResponseHeaders(204, -1);
            } catch (VerificationException e) {
                refused++;
                byte[] problem = ("{\"status\":401,\"detail\":\"" + e.reason() + "\"}").getBytes();
                exchange.sendResponseHeaders(401, problem.length);
                exchange.getResponseBody().write(problem);
            } finally {
                exchange.close();
            }
        }
    }
}
