package net.p2pnet.rendezvous.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.rendezvous.RendezvousApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real rendezvous server in this JVM, on a fixed free port (so it can be stopped and started
 * again at the same address) with its own H2 database and SERVERS file. Federation intervals are
 * short so that tests converge in seconds.
 */
public final class RendezvousNode implements AutoCloseable {

    public static final String NETWORK = "testnet";
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final String name;
    private final String secret;
    private final int port;
    private final Path dataDir;
    private final Map<String, String> extra = new LinkedHashMap<>();
    private ConfigurableApplicationContext context;

    public RendezvousNode(String name, String secret, Path root) throws IOException {
        this.name = name;
        this.secret = secret;
        this.port = freePort();
        this.dataDir = root.resolve(name);
        Files.createDirectories(dataDir);
    }

    public RendezvousNode property(String key, String value) {
        extra.put(key, value);
        return this;
    }

    /** Writes this node's SERVERS file (before {@link #start()}). */
    public RendezvousNode knows(RendezvousNode... others) throws IOException {
        StringBuilder content = new StringBuilder("# test network\n");
        for (RendezvousNode other : others) {
            content.append(other.address()).append('\n');
        }
        Files.writeString(serversFile(), content);
        return this;
    }

    public RendezvousNode start() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        properties.put("p2pnet.data-dir", dataDir.toString());
        properties.put("p2pnet.network.name", NETWORK);
        properties.put("p2pnet.network.secret", secret);
        properties.put("p2pnet.rendezvous.servers-file", serversFile().toString());
        properties.put("p2pnet.rendezvous.sync.push-interval", "100ms");
        properties.put("p2pnet.rendezvous.sync.servers-interval", "300ms");
        properties.put("p2pnet.rendezvous.sync.anti-entropy-interval", "1s");
        properties.put("p2pnet.rendezvous.sync.max-backoff", "1s");
        properties.put("p2pnet.rendezvous.sync.request-timeout", "2s");
        properties.put("p2pnet.rendezvous.persist-interval", "300ms");
        properties.put("p2pnet.rendezvous.peer-ttl", "60s");
        properties.put("p2pnet.rendezvous.room-ttl", "60s");
        properties.put("p2pnet.rendezvous.heartbeat-interval", "5s");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.jpa.open-in-view", "false");
        properties.put("management.metrics.use-global-registry", "false");
        // a test class registers and looks up many peers from 127.0.0.1; ClientBudgetTest sets its own
        for (String budget : new String[] {"registrations", "lookups"}) {
            properties.put("p2pnet.rendezvous.budget." + budget + ".burst", "100000");
            properties.put("p2pnet.rendezvous.budget." + budget + ".refill", "100000");
            properties.put("p2pnet.rendezvous.budget." + budget + ".period", "1s");
        }
        properties.putAll(extra);
        // Command-line arguments, because default properties would lose against application.yml.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        context = new SpringApplicationBuilder(RendezvousApplication.class).run(args);
        return this;
    }

    /** Stops the server as a crash would look to the others: its port stops answering. */
    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public String name() {
        return name;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public String url(String path) {
        return "http://" + address() + path;
    }

    public Path serversFile() {
        return dataDir.resolve("SERVERS");
    }

    public NetworkKey key() {
        return NetworkKey.derive(NETWORK, secret);
    }

    public String joinKey() {
        return key().derivedJoinKey();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** A port free now and not given to another node of this JVM (the OS may hand one out twice). */
    private static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
