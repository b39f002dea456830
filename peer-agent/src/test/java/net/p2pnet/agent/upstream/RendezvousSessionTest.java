package net.p2pnet.agent.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.p2pnet.agent.support.RunningAgent;
import net.p2pnet.agent.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent against real rendezvous servers (their jar, in their own JVMs): it skips a dead
 * server, registers with the join key, fails over when its server dies, and keeps its peer id
 * across its own restart.
 */
class RendezvousSessionTest {

    private static final String[] NETWORK = {"p2pnet.network.name=agent-test",
            "p2pnet.network.secret=agent-test-secret-0123456789", "p2pnet.network.join-key=join-me-please",
            "p2pnet.rendezvous.public-address=127.0.0.1:{port}"};

    @TempDir
    Path work;

    @Test
    void registersFailsOverAndKeepsItsPeerIdAcrossRestarts() throws Exception {
        Path jar = ServiceProcess.jar("rendezvous-server");
        try (ServiceProcess a = ServiceProcess.start(jar, work.resolve("a"), work.resolve("a.log"), NETWORK);
                ServiceProcess b = ServiceProcess.start(jar, work.resolve("b"), work.resolve("b.log"), NETWORK)) {
            Path servers = Files.writeString(work.resolve("SERVERS"), "# first one is down\n127.0.0.1:"
                    + ServiceProcess.freePort() + "\n127.0.0.1:" + a.port() + "\n127.0.0.1:" + b.port() + "\n");
            String[] agentConfig = {"p2pnet.agent.servers-file=" + servers, "p2pnet.agent.join-key=join-me-please",
                    "p2pnet.agent.name=alice", "p2pnet.agent.rendezvous.heartbeat-interval=1s",
                    "p2pnet.agent.rendezvous.retry-interval=500ms"};
            String peerId;
            try (RunningAgent agent = RunningAgent.start(work.resolve("agent"), agentConfig)) {
                RendezvousSession session = agent.bean(RendezvousSession.class);
                await().atMost(Duration.ofSeconds(60)).until(() -> session.status().registered());
                assertThat(session.status().server()).isEqualTo("127.0.0.1:" + a.port());
                peerId = session.status().peerId();
                assertThat(peerId).isEqualTo(agent.bean(net.p2pnet.agent.identity.PeerIdentity.class).peerId());
                assertThat(agent.bean(PeerCredentials.class).passkey()).isPresent();

                var lookup = agent.get("/api/v1/peers/" + peerId);
                assertThat(lookup.statusCode()).isEqualTo(200);
                assertThat(lookup.body()).contains("\"name\":\"alice\"");

                a.kill();
                await().atMost(Duration.ofSeconds(60)).until(() -> session.status().registered()
                        && session.status().server().equals("127.0.0.1:" + b.port()));
                assertThat(session.status().peerId()).isEqualTo(peerId);
            }
            try (RunningAgent restarted = RunningAgent.start(work.resolve("agent"), agentConfig)) {
                RendezvousSession session = restarted.bean(RendezvousSession.class);
                await().atMost(Duration.ofSeconds(60)).until(() -> session.status().registered());
                assertThat(session.status().peerId()).isEqualTo(peerId);
                assertThat(restarted.get("/api/v1/network").body()).contains("\"registered\":true").contains(peerId);
            }
        }
    }

    @Test
    void wrongJoinKeyIsReportedAndNothingIsRegistered() throws Exception {
        Path jar = ServiceProcess.jar("rendezvous-server");
        try (ServiceProcess server = ServiceProcess.start(jar, work.resolve("s"), work.resolve("s.log"), NETWORK)) {
            Path servers = Files.writeString(work.resolve("SERVERS"), "127.0.0.1:" + server.port() + "\n");
            try (RunningAgent agent = RunningAgent.start(work.resolve("agent"), "p2pnet.agent.servers-file=" + servers,
                    "p2pnet.agent.join-key=not-the-key", "p2pnet.agent.rendezvous.retry-interval=500ms")) {
                RendezvousSession session = agent.bean(RendezvousSession.class);
                await().atMost(Duration.ofSeconds(60)).until(() -> session.status().lastError() != null);
                assertThat(session.status().registered()).isFalse();
                assertThat(session.status().lastError()).contains("127.0.0.1:" + server.port());
                var peers = agent.get("/api/v1/peers");
                assertThat(peers.statusCode()).isEqualTo(502);
                assertThat(peers.body()).contains("not registered");
            }
        }
    }
}
