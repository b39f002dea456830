package net.p2pnet.rendezvous.federation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import net.p2pnet.model.api.ServerStatus;
import net.p2pnet.model.net.ServerAddress;
import net.p2pnet.rendezvous.config.RendezvousProperties;
import net.p2pnet.rendezvous.config.SelfAddress;
import net.p2pnet.support.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The other rendezvous servers this one knows, with their contact state. */
@Component
public class ServerRegistry {

    private static final Logger log = LoggerFactory.getLogger(ServerRegistry.class);
    /** A hostile or broken server list cannot make us track unbounded numbers of servers. */
    static final int MAX_SERVERS = 1000;

    private final Map<ServerAddress, KnownServer> servers = new ConcurrentHashMap<>();
    private final ServerListStore store;
    private final SelfAddress self;
    private final Clock clock;
    private final Duration baseBackoff;
    private final Duration maxBackoff;
    private final AtomicBoolean dirty = new AtomicBoolean();

    ServerRegistry(ServerListStore store, SelfAddress self, Clock clock, RendezvousProperties properties) {
        this.store = store;
        this.self = self;
        this.clock = clock;
        this.baseBackoff = properties.sync().serversInterval();
        this.maxBackoff = properties.sync().maxBackoff();
    }

    private Backoff backoff() {
        return new Backoff(baseBackoff, maxBackoff);
    }

    /** Loads the persisted list and the SERVERS file; called once at start. */
    void load() {
        for (KnownServerEntity row : store.readTable()) {
            ServerAddress address = ServerAddress.parse(row.address());
            if (!address.equals(self.address())) {
                // Contact everyone again after a restart; the state is re-established by the handshake.
                ServerState state = ServerState.valueOf(row.state()) == ServerState.REFUSED ? ServerState.REFUSED
                        : ServerState.UNKNOWN;
                servers.put(address, new KnownServer(address, state, row.unreachableSince(), row.lastSync(), backoff()));
            }
        }
        store.readServersFile().forEach(this::add);
        dirty.set(true);
    }

    /** Adds a server not known yet; true if it was new. */
    public boolean add(ServerAddress address) {
        if (address.equals(self.address()) || servers.containsKey(address) || servers.size() >= MAX_SERVERS) {
            return false;
        }
        if (servers.putIfAbsent(address, new KnownServer(address, ServerState.UNKNOWN, null, null, backoff())) == null) {
            log.info("learnt of rendezvous server {}", address);
            dirty.set(true);
            return true;
        }
        return false;
    }

    /** The server proved the secret (either side of a handshake). */
    public void markUp(ServerAddress address) {
        add(address);
        KnownServer server = servers.get(address);
        if (server != null && server.markUp(clock.instant())) {
            log.info("rendezvous server {} is up (same network secret)", address);
            dirty.set(true);
        }
    }

    void markUnreachable(ServerAddress address, String why) {
        KnownServer server = servers.get(address);
        if (server != null && server.markFailed(ServerState.UNREACHABLE, clock.instant())) {
            log.warn("rendezvous server {} is unreachable: {}", address, why);
            dirty.set(true);
        }
    }

    void markRefused(ServerAddress address) {
        KnownServer server = servers.get(address);
        if (server != null && server.markFailed(ServerState.REFUSED, clock.instant())) {
            dirty.set(true);
        }
    }

    void synced(ServerAddress address) {
        Optional.ofNullable(servers.get(address)).ifPresent(s -> s.synced(clock.instant()));
    }

    void needsHandshake(ServerAddress address) {
        Optional.ofNullable(servers.get(address)).ifPresent(KnownServer::needsHandshake);
    }

    /** The contacted address answered under another name: keep the name it gives itself. */
    void rename(ServerAddress contacted, ServerAddress canonical) {
        if (!contacted.equals(canonical) && servers.remove(contacted) != null) {
            log.info("rendezvous server {} calls itself {}", contacted, canonical);
            add(canonical);
        }
    }

    public ServerState state(ServerAddress address) {
        KnownServer server = servers.get(address);
        return server == null ? null : server.state();
    }

    List<KnownServer> due() {
        Instant now = clock.instant();
        return servers.values().stream().filter(s -> s.due(now)).toList();
    }

    /** Servers that proved the secret and answer. */
    public List<ServerAddress> up() {
        return servers.values().stream().filter(s -> s.state() == ServerState.UP).map(KnownServer::address).toList();
    }

    /** Addresses to tell other servers about: ourselves and everyone not refused. */
    List<ServerAddress> shareable() {
        List<ServerAddress> list = new ArrayList<>();
        list.add(self.address());
        servers.values().stream().filter(s -> s.state() != ServerState.REFUSED).map(KnownServer::address)
                .forEach(list::add);
        return list;
    }

    /** This server first, then the others by address. */
    public List<ServerStatus> statuses() {
        List<ServerStatus> list = new ArrayList<>();
        list.add(new ServerStatus(self.id(), "SELF", null, clock.instant()));
        servers.values().stream().map(KnownServer::status).sorted(Comparator.comparing(ServerStatus::address))
                .forEach(list::add);
        return list;
    }

    public long count(ServerState state) {
        return servers.values().stream().filter(s -> s.state() == state).count();
    }

    /** Persists the list and rewrites SERVERS if anything changed since the last call. */
    void persistIfChanged() {
        if (dirty.getAndSet(false)) {
            try {
                store.save(self.address(), List.copyOf(servers.values()));
            } catch (RuntimeException e) {
                dirty.set(true); // the next round tries again
                throw e;
            }
        }
    }
}
