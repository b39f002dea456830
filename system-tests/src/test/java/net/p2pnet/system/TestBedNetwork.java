package net.p2pnet.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The demo's p2pnet network deployed on a {@link TestBed}, every service on its own host at its
 * default port: three federated rendezvous servers (2 and 3 know only 1), a private tracker, a
 * chatroom service and three agents, each agent's control API reachable from the test (this
 * machine's bridge address, with an API token). The services start in parallel.
 *
 * <p>The rendezvous servers run their federation faster than the defaults (contact round 2 s,
 * backoff cap 4 s, anti-entropy 5 s, request timeout 2 s) so that a healed partition converges
 * within seconds; the tracker's announce interval is 10 s so that swarms form quickly.
 */
final class TestBedNetwork implements AutoCloseable {

    static final int RENDEZVOUS_PORT = 8700;
    static final int TRACKER_PORT = 6969;
    static final int CHATROOM_PORT = 8800;
    static final int AGENT_PORT = 9700;
    static final int TRANSFER_PORT = 6881;

    private final TestBed bed;
    private final Path dir;
    private final String secret = "testbed-" + UUID.randomUUID();
    private final String joinKey = "join-" + UUID.randomUUID();
    private final String token = "token-" + UUID.randomUUID();
    private final List<ServiceProcess> running = Collections.synchronizedList(new ArrayList<>());
    private final List<Service> rendezvous = new ArrayList<>();
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private TestBedHost trackerHost;
    private TestBedHost chatroomHost;
    private Service tracker;
    private Service chatroom;

    /** A p2pnet server on its host. */
    record Service(TestBedHost host, ServiceProcess process) {
        String url() {
            return process.url();
        }

        String hostPort() {
            return host.address() + ":" + process.port();
        }
    }

    /** An agent on its host, with its data, shared and download directories. */
    record Agent(String name, TestBedHost host, ServiceProcess process, Path data) {
        String url() {
            return process.url();
        }

        Path shared() {
            return data.resolve("shared");
        }
    }

    private TestBedNetwork(TestBed bed, Path dir) {
        this.bed = bed;
        this.dir = dir;
    }

    /**
     * Starts the whole network on new hosts of {@code bed}; agent data lives in
     * {@code dir/data/<agent>} as the demo expects. Stops what started if any service fails.
     */
    static TestBedNetwork start(TestBed bed, Path dir) throws Exception {
        TestBedNetwork network = new TestBedNetwork(bed, dir);
        try {
            network.startAll();
            return network;
        } catch (Exception | Error e) {
            network.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        List<TestBedHost> rendezvousHosts = List.of(bed.host("rendezvous-1"), bed.host("rendezvous-2"),
                bed.host("rendezvous-3"));
        trackerHost = bed.host("tracker");
        chatroomHost = bed.host("chatroom");
        List<TestBedHost> agentHosts = List.of(bed.host("agent-1"), bed.host("agent-2"), bed.host("agent-3"));
        String first = rendezvousHosts.getFirst().address() + ":" + RENDEZVOUS_PORT;
        try (ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Service>> servers = new ArrayList<>();
            for (int i = 0; i < rendezvousHosts.size(); i++) {
                TestBedHost host = rendezvousHosts.get(i);
                String knows = i == 0 ? "" : first + "\n";
                servers.add(starts.submit(() -> startRendezvous(host, knows)));
            }
            Future<Service> trackerStart = starts.submit(() -> service(trackerHost, "tracker-service", TRACKER_PORT,
                    List.of("--p2pnet.tracker.mode=private", "--p2pnet.tracker.interval=10s",
                            "--p2pnet.tracker.min-interval=2s")));
            Future<Service> chatroomStart = starts.submit(() -> service(chatroomHost, "chatroom-service", CHATROOM_PORT,
                    List.of("--p2pnet.chatroom.public-url=http://" + chatroomHost.address() + ":" + CHATROOM_PORT,
                            "--p2pnet.chatroom.rendezvous-urls=http://" + first)));
            List<Future<Agent>> agentStarts = new ArrayList<>();
            for (int i = 0; i < agentHosts.size(); i++) {
                TestBedHost host = agentHosts.get(i);
                // agent-3 starts from rendezvous-2, so the demo shows the federation answering for the whole network
                List<TestBedHost> order = i == 2
                        ? List.of(rendezvousHosts.get(1), rendezvousHosts.get(2), rendezvousHosts.get(0))
                        : rendezvousHosts;
                agentStarts.add(starts.submit(() -> startAgent(host, order)));
            }
            for (Future<Service> server : servers) {
                rendezvous.add(result(server));
            }
            tracker = result(trackerStart);
            chatroom = result(chatroomStart);
            for (Future<Agent> agent : agentStarts) {
                Agent started = result(agent);
                agents.put(started.name(), started);
            }
        }
    }

    private static <T> T result(Future<T> start) throws Exception {
        try {
            return start.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private Service startRendezvous(TestBedHost host, String knows) throws IOException, InterruptedException {
        Path data = Files.createDirectories(dir.resolve("data").resolve(host.name()));
        Path servers = Files.writeString(data.resolve("SERVERS"), "# written by the test bed\n" + knows);
        return service(host, "rendezvous-server", RENDEZVOUS_PORT, List.of(
                "--p2pnet.rendezvous.servers-file=" + servers,
                "--p2pnet.rendezvous.public-address=" + host.address() + ":" + RENDEZVOUS_PORT,
                "--p2pnet.rendezvous.sync.servers-interval=2s", "--p2pnet.rendezvous.sync.max-backoff=4s",
                "--p2pnet.rendezvous.sync.anti-entropy-interval=5s", "--p2pnet.rendezvous.sync.request-timeout=2s"));
    }

    private Service service(TestBedHost host, String module, int port, List<String> arguments)
            throws IOException, InterruptedException {
        Map<String, String> env = ServiceProcess.env("P2PNET_NETWORK_NAME", "testbed", "P2PNET_NETWORK_SECRET", secret,
                "P2PNET_NETWORK_JOIN_KEY", joinKey);
        ServiceProcess process = ServiceProcess.startOn(host.placement(null), host.name(), module, port,
                dir.resolve("data").resolve(host.name()), env, arguments);
        running.add(process);
        return new Service(host, process);
    }

    /** Starts an agent on {@code host} that joins through {@code servers} (in that order). */
    Agent startAgent(TestBedHost host, List<TestBedHost> servers) throws IOException, InterruptedException {
        Path data = Files.createDirectories(dir.resolve("data").resolve(host.name()));
        Files.createDirectories(data.resolve("shared"));
        StringBuilder serversFile = new StringBuilder("# written by the test bed\n");
        servers.forEach(server -> serversFile.append(server.address()).append(':').append(RENDEZVOUS_PORT).append('\n'));
        Path serversPath = Files.writeString(data.resolve("SERVERS"), serversFile);
        ServiceProcess process = ServiceProcess.startOn(host.placement(token), host.name(), "peer-agent", AGENT_PORT, data,
                ServiceProcess.env("P2PNET_AGENT_JOIN_KEY", joinKey), List.of(
                        "--p2pnet.agent.name=" + host.name(),
                        "--p2pnet.agent.servers-file=" + serversPath,
                        "--p2pnet.agent.tracker-url=http://" + trackerAddress() + "/announce",
                        "--p2pnet.agent.rooms.chatroom-url=http://" + chatroomAddress(),
                        "--p2pnet.agent.shared-dirs=" + data.resolve("shared"),
                        "--p2pnet.agent.download-dir=" + data.resolve("downloads"),
                        "--p2pnet.agent.transfer-port=" + TRANSFER_PORT,
                        "--p2pnet.agent.control.api-token=" + token,
                        "--p2pnet.agent.control.allowed-addresses=" + bed.gateway()));
        running.add(process);
        Agent agent = new Agent(host.name(), host, process, data);
        synchronized (agents) {
            agents.put(agent.name(), agent);
        }
        return agent;
    }

    private String trackerAddress() {
        return trackerHost.address() + ":" + TRACKER_PORT;
    }

    private String chatroomAddress() {
        return chatroomHost.address() + ":" + CHATROOM_PORT;
    }

    List<Service> rendezvous() {
        return rendezvous;
    }

    Service tracker() {
        return tracker;
    }

    Service chatroom() {
        return chatroom;
    }

    Agent agent(String name) {
        synchronized (agents) {
            return agents.get(name);
        }
    }

    List<Agent> agents() {
        synchronized (agents) {
            return List.copyOf(agents.values());
        }
    }

    String token() {
        return token;
    }

    String joinKey() {
        return joinKey;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() throws InterruptedException {
        List<ServiceProcess> stopping;
        synchronized (running) {
            stopping = new ArrayList<>(running.reversed());
        }
        for (ServiceProcess service : stopping) {
            service.close();
        }
    }
}
