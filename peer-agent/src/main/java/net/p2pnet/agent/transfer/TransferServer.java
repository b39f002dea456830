package net.p2pnet.agent.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.p2pnet.agent.config.AgentProperties;
import net.p2pnet.model.net.ConnectionQuota;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent's transfer port: agent-to-agent HTTP (file info, pieces, source exchange) and plain
 * HTTP file serving with Range. It is a server of its own rather than a second connector of the
 * control port's Tomcat, so that nothing of the control side (API, actuator, its security filter)
 * is ever reachable from peers, and the control port can stay on loopback while this one faces the
 * network.
 *
 * <p>Why by hand and not the JDK's {@code HttpServer}: that server copies every body byte twice
 * more on the Java heap (and grows a per-connection buffer to twice the largest write: humongous
 * objects and GC cycles under load), and it hides the socket, so content could never go out with
 * {@code sendfile}. Measured on the transfer benchmark, the three seeds spent twice the CPU of a
 * reference client's download serving ours (docs/benchmarks.md). This port only needs HTTP/1.1
 * GET and HEAD without request bodies: one virtual thread per connection, {@link RequestHead}
 * reading heads with limits, {@link TransferExchange} writing answers.
 */
@Component
public class TransferServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TransferServer.class);
    private static final long WATCH_MILLIS = 250;

    private final AgentProperties agent;
    private final TransferProperties transfer;
    private final TransferLimits limits;
    private final TransferHandler handler;
    private final JsonMapper json;
    /** Every open connection and the deadline it is under; each holds a thread and a socket. */
    private final Map<SocketChannel, ConnectionDeadline> open = new ConcurrentHashMap<>();
    private final ConnectionQuota places;
    private volatile ServerSocketChannel server;

    public TransferServer(AgentProperties agent, TransferProperties transfer, TransferLimits limits,
                          TransferHandler handler, JsonMapper json) {
        this.agent = agent;
        this.transfer = transfer;
        this.limits = limits;
        this.handler = handler;
        this.json = json;
        this.places = new ConnectionQuota(limits.maxConnections(), limits.maxConnectionsPerAddress());
    }

    @Override
    public synchronized void start() {
        try {
            ServerSocketChannel created = ServerSocketChannel.open();
            try {
                created.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                created.bind(new InetSocketAddress(transfer.bindAddress(), agent.transferPort()), 128);
            } catch (IOException e) {
                created.close();
                throw e;
            }
            server = created;
            Thread.ofPlatform().name("transfer-accept").daemon().start(() -> accept(created));
            Thread.ofPlatform().name("transfer-deadlines").daemon().start(() -> watchDeadlines(created));
            log.info("transfer port listening on {}", created.getLocalAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on transfer port " + transfer.bindAddress() + ":"
                    + agent.transferPort() + " (p2pnet.agent.transfer-port): " + e.getMessage(), e);
        }
    }

    private void accept(ServerSocketChannel listening) {
        while (listening.isOpen()) {
            SocketChannel channel;
            try {
                channel = listening.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.warn("transfer port: accept failed: {}", e.getMessage());
                continue;
            }
            InetAddress address = remoteAddress(channel);
            if (address == null || !places.tryAcquire(address)) {
                log.debug("transfer port: refusing a connection from {} ({} open)", address, open.size());
                closeQuietly(channel);
                continue;
            }
            ConnectionDeadline deadline = new ConnectionDeadline();
            open.put(channel, deadline);
            Thread.ofVirtual().name("transfer-conn").start(() -> {
                try {
                    new TransferConnection(channel, handler, json, limits, deadline).run();
                } finally {
                    open.remove(channel);
                    places.release(address);
                }
            });
        }
    }

    private static InetAddress remoteAddress(SocketChannel channel) {
        try {
            return ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Closes connections whose deadline passed: that ends the read or write they are blocked in. */
    private void watchDeadlines(ServerSocketChannel listening) {
        while (listening.isOpen()) {
            long now = System.nanoTime();
            open.forEach((channel, deadline) -> {
                if (deadline.passed(now)) {
                    log.debug("transfer port: closing a connection that missed its deadline ({})", deadline.what());
                    closeQuietly(channel);
                }
            });
            try {
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public synchronized void stop() {
        ServerSocketChannel current = server;
        if (current != null) {
            server = null;
            closeQuietly(current);
            open.keySet().forEach(TransferServer::closeQuietly);
        }
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing on shutdown or refusal: nothing to save
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Connections open right now. */
    public int openConnections() {
        return open.size();
    }

    /** The port actually bound (useful when configured as 0); -1 when not running. */
    public int port() {
        ServerSocketChannel current = server;
        if (current == null) {
            return -1;
        }
        try {
            return ((InetSocketAddress) current.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }
}
