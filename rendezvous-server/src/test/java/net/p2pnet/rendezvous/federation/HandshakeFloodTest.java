package net.p2pnet.rendezvous.federation;

import static net.p2pnet.rendezvous.support.Problems.assertProblem;
import static net.p2pnet.rendezvous.support.TestHttp.get;
import static net.p2pnet.rendezvous.support.TestHttp.json;
import static net.p2pnet.rendezvous.support.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import net.p2pnet.model.crypto.Handshake;
import net.p2pnet.model.crypto.Handshake.Role;
import net.p2pnet.model.crypto.Handshake.Transcript;
import net.p2pnet.rendezvous.federation.FederationMessages.Confirm;
import net.p2pnet.rendezvous.federation.FederationMessages.Hello;
import net.p2pnet.rendezvous.support.RendezvousNode;
import net.p2pnet.rendezvous.support.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The review's attack on the handshake: unauthenticated hellos by the thousand used to push a real
 * server's pending challenge out of the responder's bounded table. Challenges are stateless now.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandshakeFloodTest {

    private static final String SECRET = "handshake-flood-secret-0123456789";
    private static final int FLOOD = 2000;

    @TempDir
    static Path root;
    private RendezvousNode a;
    private RendezvousNode b;

    @BeforeAll
    void start() throws Exception {
        a = new RendezvousNode("a", SECRET, root).start();
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.stop();
        }
        a.stop();
    }

    @Test
    void aChallengeSurvivesTwoThousandHellosAndIsConfirmedOnlyOnce() throws Exception {
        Handshake handshake = new Handshake(a.key());
        String initiator = "127.0.0.1:9";
        String ourNonce = Handshake.newNonce();
        HttpResponse<String> hello = post(a.url("/federation/v1/hello"),
                TestHttp.toJson(new Hello(initiator, RendezvousNode.NETWORK, ourNonce)));
        assertThat(hello.statusCode()).as(hello.body()).isEqualTo(200);
        JsonNode reply = json(hello);
        Transcript transcript = new Transcript(initiator, a.address(), ourNonce, reply.get("responderNonce").asString());
        handshake.verify(Role.RESPONDER, transcript, reply.get("proof").asString());

        assertThat(flood()).isEqualTo(FLOOD);

        String confirm = TestHttp.toJson(new Confirm(initiator, a.address(), ourNonce, transcript.responderNonce(),
                handshake.prove(Role.INITIATOR, transcript)));
        HttpResponse<String> confirmed = post(a.url("/federation/v1/hello/confirm"), confirm);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
        assertProblem(post(a.url("/federation/v1/hello/confirm"), confirm), 400, "already confirmed");
        // a challenge made up by the sender, or issued to someone else, is no challenge
        String madeUp = TestHttp.toJson(new Confirm(initiator, a.address(), ourNonce, Handshake.newNonce(),
                handshake.prove(Role.INITIATOR, new Transcript(initiator, a.address(), ourNonce, Handshake.newNonce()))));
        assertProblem(post(a.url("/federation/v1/hello/confirm"), madeUp), 400, "not issued here for this exchange");
        String otherInitiator = TestHttp.toJson(new Confirm("127.0.0.1:10", a.address(), ourNonce,
                transcript.responderNonce(), handshake.prove(Role.INITIATOR, new Transcript("127.0.0.1:10",
                        a.address(), ourNonce, transcript.responderNonce()))));
        assertProblem(post(a.url("/federation/v1/hello/confirm"), otherInitiator), 400, "not issued here for this exchange");
    }

    @Test
    void aSecondServerFederatesWhileTwoThousandHellosArrive() throws Exception {
        ExecutorService flooder = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> flooding = flooder.submit(this::flood);
            b = new RendezvousNode("b", SECRET, root).knows(a).start();
            assertThat(flooding.get()).isEqualTo(FLOOD);
        } finally {
            flooder.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(states(a)).containsEntry(b.address(), "UP");
                    assertThat(states(b)).containsEntry(a.address(), "UP");
                });
    }

    /** {@value #FLOOD} hellos from made-up servers, eight at a time; returns how many were answered 200. */
    private int flood() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                String body = TestHttp.toJson(new Hello("10.9." + (i / 250) + "." + (i % 250) + ":8700",
                        RendezvousNode.NETWORK, Handshake.newNonce()));
                sent.add(senders.submit(() -> {
                    if (post(a.url("/federation/v1/hello"), body).statusCode() == 200) {
                        answered.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
        return answered.get();
    }

    private static Map<String, String> states(RendezvousNode node) {
        return StreamSupport.stream(json(get(node.url("/api/v1/servers"))).spliterator(), false)
                .collect(Collectors.toMap(s -> s.get("address").asString(), s -> s.get("state").asString()));
    }
}
