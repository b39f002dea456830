package net.p2pnet.agent.transfer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.p2pnet.agent.config.AgentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The agent's transfer port: agent-to-agent HTTP (file info, pieces, source exchange) and plain
 * HTTP file serving with Range. It is a server of its own (the JDK's, one virtual thread per
 * exchange) rather than a second connector of the control port's Tomcat, so that nothing of the
 * control side (API, actuator, its security filter) is ever reachable from peers, and the control
 * port can stay on loopback while this one faces the network.
 */
@Component
public class TransferServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TransferServer.class);

    private final AgentProperties agent;
    private final TransferProperties transfer;
    private final TransferHandler handler;
    private volatile HttpServer server;
    private volatile ExecutorService executor;

    public TransferServer(AgentProperties agent, TransferProperties transfer, TransferHandler handler) {
        this.agent = agent;
        this.transfer = transfer;
        this.handler = handler;
    }

    @Override
    public synchronized void start() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(transfer.bindAddress(), agent.transferPort()), 128);
            executor = Executors.newVirtualThreadPerTaskExecutor();
            created.setExecutor(executor);
            created.createContext("/", handler);
            created.start();
            server = created;
            log.info("transfer port listening on {}", created.getAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on transfer port " + transfer.bindAddress() + ":"
                    + agent.transferPort() + " (p2pnet.agent.transfer-port): " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port actually bound (useful when configured as 0); -1 when not running. */
    public int port() {
        HttpServer current = server;
        return current == null ? -1 : current.getAddress().getPort();
    }
}
