package net.p2pnet.agent.bittorrent;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.p2pnet.agent.bandwidth.BandwidthLimits;
import net.p2pnet.agent.bandwidth.TrafficMeter;
import net.p2pnet.agent.config.AgentProperties;
import net.p2pnet.model.net.ConnectionQuota;
import net.p2pnet.agent.transfer.ContentCatalog;
import net.p2pnet.agent.transfer.ServedContent;
import net.p2pnet.agent.transfer.TransferServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.p2pnet.agent.config.OptionalBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The agent's BitTorrent side: the listener and every peer-wire connection, by info-hash. Incoming
 * connections are accepted only for content the {@link ContentCatalog} serves and only from peers
 * {@link BtAdmission} admits, within the connection limits. Periodic work (HAVEs for newly verified
 * pieces, the choker, keep-alives, PEX) runs on one scheduler; it never blocks, since connections
 * only queue what they send.
 */
@Component
public class BtPeers implements SmartLifecycle, WireContext.Events {

    private static final Logger log = LoggerFactory.getLogger(BtPeers.class);
    private static final byte[] PEER_ID_PREFIX = "-PN0100-".getBytes(StandardCharsets.US_ASCII);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    private static final Duration EXTENSION_HANDSHAKE_WAIT = Duration.ofSeconds(2);
    private static final BtAdmission EVERYONE = (infoHash, remote, privateTorrent) -> true;

    private final BitTorrentProperties properties;
    private final AgentProperties agent;
    private final ContentCatalog catalog;
    private final OptionalBean<BtAdmission> admission;
    private final WireContext context;
    private final byte[] peerId = newPeerId();
    private final Map<String, TorrentPeers> torrents = new ConcurrentHashMap<>();
    /** Sockets accepted but not through their handshake yet: bounded, so idle sockets cannot pile up. */
    private final ConnectionQuota handshakes;
    private final AtomicLong ticks = new AtomicLong();
    private volatile ServerSocket server;
    private volatile ScheduledExecutorService scheduler;

    /** The connections of one info-hash and its choker. */
    private record TorrentPeers(List<PeerConnection> connections, Choker choker) {
    }

    public BtPeers(BitTorrentProperties properties, AgentProperties agent, TransferServer transfer,
                   ContentCatalog catalog, BandwidthLimits limits, TrafficMeter meter, MeterRegistry registry,
                   ObjectProvider<BtAdmission> admission) {
        this.properties = properties;
        this.agent = agent;
        this.catalog = catalog;
        this.admission = new OptionalBean<>(admission);
        this.handshakes = new ConnectionQuota(properties.maxHandshakes(), Math.max(1, properties.maxHandshakes() / 4));
        this.context = new WireContext(catalog, limits.upload(), meter, this::port, transfer::port, new ConcurrentHashMap<>(), this);
        for (boolean incoming : new boolean[] {true, false}) {
            Gauge.builder("p2pnet.agent.bt.connections", () -> count(incoming))
                    .description("live BitTorrent peer-wire connections")
                    .tag("direction", incoming ? "in" : "out").register(registry);
        }
    }

    private static byte[] newPeerId() {
        byte[] id = Arrays.copyOf(PEER_ID_PREFIX, 20);
        SecureRandom random = new SecureRandom();
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = PEER_ID_PREFIX.length; i < id.length; i++) {
            id[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return id;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public synchronized void start() {
        if (!properties.enabled() || server != null) {
            return;
        }
        int port = properties.listenPort(agent.transferPort());
        try {
            ServerSocket bound = new ServerSocket();
            bound.setReuseAddress(true);
            bound.bind(new InetSocketAddress(properties.bindAddress(), port), 128);
            server = bound;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for BitTorrent on " + properties.bindAddress() + ":" + port
                    + " (p2pnet.agent.bittorrent.port): " + e.getMessage(), e);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("bt-timer").factory());
        scheduler.scheduleWithFixedDelay(this::everySecond, 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::everyTenSeconds, 10, 10, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::everyMinute, 60, 60, TimeUnit.SECONDS);
        ServerSocket listening = server;
        Thread.ofVirtual().name("bt-accept").start(() -> acceptLoop(listening));
        log.info("BitTorrent peer wire listening on {}", listening.getLocalSocketAddress());
    }

    @Override
    public synchronized void stop() {
        ServerSocket current = server;
        if (current == null) {
            return;
        }
        server = null;
        try {
            current.close();
        } catch (IOException e) {
            log.debug("closing the BitTorrent listener", e);
        }
        scheduler.shutdownNow();
        torrents.values().forEach(t -> List.copyOf(t.connections()).forEach(c -> c.close("agent stopping")));
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    // ---------------------------------------------------------------- public API

    /** The bound listen port, -1 when not running or disabled. */
    public int port() {
        ServerSocket current = server;
        return current == null ? -1 : current.getLocalPort();
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** 20 bytes, "-PN0100-" and 12 random characters, one per agent run. */
    public byte[] peerId() {
        return peerId.clone();
    }

    /**
     * Opens an outgoing connection; returns after the handshake and the peer's extension handshake
     * (or about 2 s). A connection to the same peer for the same torrent that is already open is
     * returned instead of a new one.
     *
     * @throws IOException when the peer cannot be reached, answers for another torrent, is this
     *                     agent itself, or a connection limit is reached
     */
    public BtPeer connect(InetSocketAddress address, String infoHashHex) throws IOException {
        String infoHash = normalise(infoHashHex);
        if (!isRunning()) {
            throw new IOException("BitTorrent is " + (enabled() ? "not running" : "disabled (p2pnet.agent.bittorrent.enabled)"));
        }
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve " + address.getHostString());
        }
        if (isSelf(address)) {
            throw new IOException(address + " is this agent's own BitTorrent port");
        }
        Optional<PeerConnection> existing = find(infoHash, key(address));
        if (existing.isPresent()) {
            return existing.get();
        }
        checkRoom(infoHash);
        Socket socket = new Socket();
        try {
            socket.connect(address, CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            byte[] infoHashBytes = HexFormat.of().parseHex(infoHash);
            Handshake.ours(infoHashBytes, peerId).write(socket.getOutputStream());
            Handshake remote = Handshake.read(new DataInputStream(socket.getInputStream()));
            if (!Arrays.equals(remote.infoHash(), infoHashBytes)) {
                throw new IOException(address + " answered for info-hash " + HexFormat.of().formatHex(remote.infoHash())
                        + ", not " + infoHash);
            }
            if (Arrays.equals(remote.peerId(), peerId)) {
                throw new IOException(address + " is this agent itself (same peer id)");
            }
            PeerConnection connection = new PeerConnection(socket, remote, false, context);
            PeerConnection registered = register(connection);
            if (registered != connection) {
                socket.close();
                return registered;
            }
            boolean started = false;
            try {
                connection.start();
                connection.awaitExtensionHandshake(EXTENSION_HANDSHAKE_WAIT);
                started = true;
            } finally {
                if (!started) {
                    connection.close("could not start");
                }
            }
            if (!connection.isOpen()) {
                throw new IOException("closed right after the handshake");
            }
            return connection;
        } catch (IOException e) {
            socket.close();
            throw new IOException("BitTorrent connection to " + address + " for " + infoHash.substring(0, 8)
                    + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        } catch (InterruptedException e) {
            socket.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + address, e);
        }
    }

    /** Live connections (incoming and outgoing) for the torrent. */
    public List<BtPeer> connected(String infoHashHex) {
        TorrentPeers peers = torrents.get(normalise(infoHashHex));
        return peers == null ? List.of() : peers.connections().stream().filter(PeerConnection::isOpen)
                .map(BtPeer.class::cast).toList();
    }

    /**
     * BEP 9: fetches the info dictionary from a peer that has it (connecting if needed, the
     * connection stays open for the caller to use); verifies its SHA-1 equals the info-hash.
     */
    public byte[] fetchMetadata(InetSocketAddress address, String infoHashHex, Duration timeout)
            throws IOException, InterruptedException {
        BtPeer peer = connect(address, infoHashHex);
        return ((PeerConnection) peer).fetchMetadata(timeout);
    }

    // ---------------------------------------------------------------- incoming

    private void acceptLoop(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                InetAddress address = socket.getInetAddress();
                if (!handshakes.tryAcquire(address)) {
                    log.debug("bittorrent: refusing {}: too many handshakes in progress", address);
                    closeQuietly(socket);
                    continue;
                }
                Thread.ofVirtual().name("bt-handshake").start(() -> {
                    // the read timeout is per read: a peer sending a byte now and then needs a whole deadline
                    ScheduledFuture<?> deadline = scheduler.schedule(() -> closeQuietly(socket),
                            HANDSHAKE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                    try {
                        accept(socket, deadline);
                    } finally {
                        deadline.cancel(false);
                        handshakes.release(address);
                    }
                });
            } catch (IOException e) {
                if (!listening.isClosed()) {
                    log.warn("BitTorrent accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void accept(Socket socket, ScheduledFuture<?> deadline) {
        String remote = socket.getRemoteSocketAddress().toString();
        try {
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            Handshake handshake = Handshake.read(new DataInputStream(socket.getInputStream()));
            String infoHash = HexFormat.of().formatHex(handshake.infoHash());
            Optional<ServedContent> content = catalog.find(infoHash);
            if (content.isEmpty()) {
                throw new ProtocolViolation("handshake for info-hash " + infoHash + ", which this agent does not serve");
            }
            if (Arrays.equals(handshake.peerId(), peerId)) {
                throw new IOException("connection from this agent itself");
            }
            boolean privateTorrent = ServedTorrent.of(content.get()).privateTorrent();
            if (!admission.get().orElse(EVERYONE).admits(infoHash, socket.getInetAddress(), privateTorrent)) {
                throw new IOException("not admitted for " + (privateTorrent ? "private " : "") + "torrent " + infoHash);
            }
            checkRoom(infoHash);
            checkAddress(socket.getInetAddress());
            Handshake.ours(handshake.infoHash(), peerId).write(socket.getOutputStream());
            if (!deadline.cancel(false)) {
                throw new IOException("handshake took longer than " + HANDSHAKE_TIMEOUT_MILLIS + " ms");
            }
            PeerConnection connection = new PeerConnection(socket, handshake, true, context);
            if (register(connection) != connection) {
                throw new IOException("already connected to that peer for " + infoHash);
            }
            try {
                connection.start();
            } catch (IOException | RuntimeException e) {
                connection.close("could not start: " + e.getMessage());
            }
        } catch (ProtocolViolation e) {
            log.warn("bittorrent: refusing incoming {}: {}", remote, e.getMessage());
            closeQuietly(socket);
        } catch (IOException | RuntimeException e) {
            log.info("bittorrent: refusing incoming {}: {}", remote, e.getMessage());
            closeQuietly(socket);
        } catch (Error e) {
            log.warn("bittorrent: dropping incoming {}: {}", remote, e.toString());
            closeQuietly(socket); // never a half-open connection, whatever happened
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing a refused socket", e);
        }
    }

    // ---------------------------------------------------------------- registry

    private synchronized void checkRoom(String infoHash) throws IOException {
        int total = count(true) + count(false);
        if (total >= properties.maxConnections()) {
            throw new IOException("connection limit reached (" + properties.maxConnections()
                    + ", p2pnet.agent.bittorrent.max-connections)");
        }
        if (connected(infoHash).size() >= properties.maxConnectionsPerTorrent()) {
            throw new IOException("connection limit for torrent " + infoHash + " reached ("
                    + properties.maxConnectionsPerTorrent() + ", p2pnet.agent.bittorrent.max-connections-per-torrent)");
        }
    }

    /** One address holds at most its share of the live connections. */
    private synchronized void checkAddress(InetAddress address) throws IOException {
        long fromAddress = torrents.values().stream().flatMap(t -> t.connections().stream())
                .filter(c -> c.isOpen() && address.equals(c.address().getAddress())).count();
        if (fromAddress >= properties.maxConnectionsPerAddress()) {
            throw new IOException("connection limit for " + address.getHostAddress() + " reached ("
                    + properties.maxConnectionsPerAddress() + ", p2pnet.agent.bittorrent.max-connections-per-address)");
        }
    }

    /** Adds the connection, or returns the live one to the same peer (same peer id) for that torrent. */
    private synchronized PeerConnection register(PeerConnection connection) throws IOException {
        TorrentPeers peers = torrents.computeIfAbsent(connection.infoHash(),
                k -> new TorrentPeers(new CopyOnWriteArrayList<>(), new Choker(properties.unchokeSlots())));
        for (PeerConnection other : peers.connections()) {
            if (other.isOpen() && Arrays.equals(other.remotePeerId(), connection.remotePeerId())) {
                return other;
            }
        }
        checkRoom(connection.infoHash());
        peers.connections().add(connection);
        return connection;
    }

    private Optional<PeerConnection> find(String infoHash, String key) {
        TorrentPeers peers = torrents.get(infoHash);
        return peers == null ? Optional.empty()
                : peers.connections().stream().filter(c -> c.isOpen() && c.key().equals(key)).findFirst();
    }

    private int count(boolean incoming) {
        return (int) torrents.values().stream().flatMap(t -> t.connections().stream())
                .filter(c -> c.incoming() == incoming && c.isOpen()).count();
    }

    @Override
    public void interested(PeerConnection connection) {
        TorrentPeers peers = torrents.get(connection.infoHash());
        if (peers != null) {
            peers.choker().interested(connection, peers.connections());
        }
    }

    @Override
    public void closed(PeerConnection connection) {
        TorrentPeers peers = torrents.get(connection.infoHash());
        if (peers != null) {
            peers.connections().remove(connection);
            peers.choker().forget(connection);
        }
    }

    // ---------------------------------------------------------------- periodic work

    private void everySecond() {
        forEachTorrent((infoHash, peers) -> peers.connections().forEach(PeerConnection::tick));
    }

    private void everyTenSeconds() {
        boolean rotate = ticks.incrementAndGet() % 3 == 0; // optimistic unchoke moves every 30 s
        forEachTorrent((infoHash, peers) -> {
            boolean seed = catalog.find(infoHash).map(ServedContent::isComplete).orElse(false);
            peers.choker().rechoke(List.copyOf(peers.connections()), seed, rotate);
        });
    }

    private void everyMinute() {
        forEachTorrent((infoHash, peers) -> {
            Set<InetSocketAddress> all = new LinkedHashSet<>();
            peers.connections().forEach(c -> all.add(c.address()));
            for (PeerConnection c : peers.connections()) {
                Set<InetSocketAddress> others = new LinkedHashSet<>(all);
                others.remove(c.address());
                c.sendPex(others);
            }
        });
    }

    private void forEachTorrent(java.util.function.BiConsumer<String, TorrentPeers> work) {
        torrents.forEach((infoHash, peers) -> {
            try {
                work.accept(infoHash, peers);
            } catch (RuntimeException e) {
                log.error("bittorrent: periodic work for {} failed", infoHash, e);
            }
        });
        synchronized (this) { // not while register() is adding to a fresh entry
            torrents.entrySet().removeIf(e -> e.getValue().connections().isEmpty());
        }
    }

    // ---------------------------------------------------------------- helpers

    private boolean isSelf(InetSocketAddress address) {
        if (address.getPort() != port()) {
            return false;
        }
        InetAddress host = address.getAddress();
        try {
            return host.isAnyLocalAddress() || host.isLoopbackAddress() || NetworkInterface.getByInetAddress(host) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    private static String key(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static String normalise(String infoHashHex) {
        if (infoHashHex == null || infoHashHex.length() != 40 || !infoHashHex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("info-hash must be 40 hex digits, was '" + infoHashHex + "'");
        }
        return infoHashHex.toLowerCase(Locale.ROOT);
    }
}
