package net.p2pnet.agent.upstream;

import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.p2pnet.agent.config.AgentProperties;
import net.p2pnet.agent.identity.PeerIdentity;
import net.p2pnet.agent.transfer.TransferServer;
import net.p2pnet.model.api.HeartbeatResponse;
import net.p2pnet.model.api.ObservedAddress;
import net.p2pnet.model.api.PeerRegistration;
import net.p2pnet.model.api.PeerRegistrationResponse;
import net.p2pnet.model.api.RendezvousSessionView;
import net.p2pnet.model.net.ServerAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * This agent's membership of the network: registers with the first rendezvous server of the
 * SERVERS file that answers, heartbeats (each heartbeat renews the ticket and passkey), and fails
 * over to the next server when the current one stops answering. The peer id is derived from the
 * agent's own key ({@link PeerIdentity}), so a restarted agent is the same peer for its friends, from
 * any address, and every request proves it with a signature.
 */
@Component
public class RendezvousSession {

    private static final Logger log = LoggerFactory.getLogger(RendezvousSession.class);

    private final RendezvousServers servers;
    private final RendezvousApi api;
    private final PeerCredentials credentials;
    private final TicketKeyPin ticketKey;
    private final PeerIdentity identity;
    private final TransferServer transfer;
    private final RendezvousProperties properties;
    private final String name;
    private final String joinKey;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("rendezvous").factory());

    private volatile int serverIndex;
    private volatile String observedAddress;
    private volatile String lastError;
    private volatile Duration heartbeatInterval;

    RendezvousSession(RendezvousServers servers, RendezvousApi api, PeerCredentials credentials,
            TicketKeyPin ticketKey, PeerIdentity identity, TransferServer transfer, RendezvousProperties properties,
            AgentProperties agent) {
        this.servers = servers;
        this.api = api;
        this.credentials = credentials;
        this.ticketKey = ticketKey;
        this.identity = identity;
        this.transfer = transfer;
        this.properties = properties;
        this.name = agent.name() != null && !agent.name().isBlank() ? agent.name() : hostName();
        this.joinKey = agent.joinKey();
        this.heartbeatInterval = properties.heartbeatInterval();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (servers.all().isEmpty()) {
            log.info("no rendezvous servers configured (p2pnet.agent.servers-file): not joining a network");
            return;
        }
        timer.execute(this::step);
    }

    public RendezvousSessionView status() {
        Optional<PeerCredentials.Credentials> current = credentials.current();
        return new RendezvousSessionView(current.isPresent(), current.map(PeerCredentials.Credentials::server).orElse(null),
                current.map(PeerCredentials.Credentials::peerId).orElseGet(identity::peerId),
                observedAddress, current.map(PeerCredentials.Credentials::expiresAt).orElse(null), lastError,
                servers.all().stream().map(ServerAddress::toString).toList(),
                ticketKey.current().map(pinned -> pinned.key().encode()).orElse(null));
    }

    /** A GET on the current server's client API with this agent's ticket, e.g. {@code /api/v1/peers/{id}}. */
    public JsonNode query(String pathAndQuery) {
        PeerCredentials.Credentials current = credentials.current()
                .orElseThrow(() -> new UpstreamException("not registered with any rendezvous server yet"
                        + (lastError == null ? "" : " (last error: " + lastError + ")")));
        return api.get(ServerAddress.parse(current.server()), pathAndQuery, current.ticket());
    }

    private void step() {
        if (transfer.port() < 1) {
            return; // the transfer port is closed: the agent is stopping, nothing to announce
        }
        long delay;
        try {
            delay = credentials.current().map(this::keepAlive).orElseGet(this::registerSomewhere);
        } catch (RuntimeException e) {
            log.warn("rendezvous: unexpected failure: {}", e.toString());
            delay = properties.retryInterval().toMillis();
        }
        if (!timer.isShutdown()) {
            timer.schedule(this::step, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Tries every server once, starting with the current one; answers the delay to the next step. */
    private long registerSomewhere() {
        List<ServerAddress> all = servers.all();
        for (int i = 0; i < all.size(); i++) {
            int index = (serverIndex + i) % all.size();
            try {
                register(all.get(index));
                serverIndex = index;
                return heartbeatInterval.toMillis();
            } catch (UpstreamException e) {
                lastError = e.getMessage();
                log.warn("rendezvous: {}", e.getMessage());
            }
        }
        return properties.retryInterval().toMillis();
    }

    private void register(ServerAddress server) {
        PeerRegistration registration = new PeerRegistration(name, transfer.port(), identity.peerId(), joinKey);
        PeerRegistrationResponse answer = api.register(server, registration);
        if (!identity.peerId().equals(answer.peerId())) {
            throw new UpstreamException(server + " registered this agent as '" + answer.peerId() + "', but its key is "
                    + "peer '" + identity.peerId() + "': that server does not check identities, refusing it");
        }
        ticketKey.accept(server.toString(), answer.ticketKey());
        credentials.update(new PeerCredentials.Credentials(answer.peerId(), answer.ticket(), answer.ticketExpiresAt(),
                answer.passkey(), server.toString()));
        observedAddress = describe(answer.observed());
        if (answer.heartbeatIntervalSeconds() > 0) {
            // the server knows after how long it expires silent peers; never beat slower than it asks
            Duration asked = Duration.ofSeconds(answer.heartbeatIntervalSeconds());
            heartbeatInterval = asked.compareTo(properties.heartbeatInterval()) < 0 ? asked : properties.heartbeatInterval();
        }
        lastError = null;
        log.info("registered with rendezvous server {} as peer {} (seen as {})", server, answer.peerId(),
                observedAddress);
    }

    private long keepAlive(PeerCredentials.Credentials current) {
        ServerAddress server = ServerAddress.parse(current.server());
        try {
            HeartbeatResponse answer = api.heartbeat(server, current.peerId(), current.ticket(), transfer.port());
            ticketKey.accept(current.server(), answer.ticketKey());
            String ticket = answer.ticket() != null ? answer.ticket() : current.ticket();
            credentials.update(new PeerCredentials.Credentials(current.peerId(), ticket,
                    answer.ticketExpiresAt() != null ? answer.ticketExpiresAt() : current.expiresAt(),
                    answer.passkey() != null ? answer.passkey() : current.passkey(), current.server()));
            observedAddress = describe(answer.observed());
            return heartbeatInterval.toMillis();
        } catch (UpstreamException e) {
            lastError = e.getMessage();
            log.warn("rendezvous: {}", e.getMessage());
            credentials.clear();
            if (e.status() == 0 || e.status() >= 500) {
                serverIndex = (serverIndex + 1) % servers.all().size(); // down: fail over to the next one
            }
            return 0; // otherwise the server forgot us (expired, restarted): register again there
        }
    }

    private String describe(ObservedAddress observed) {
        return observed == null ? observedAddress : observed.address();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "agent";
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        credentials.current().ifPresent(current -> {
            try {
                api.leave(ServerAddress.parse(current.server()), current.peerId(), current.ticket());
            } catch (UpstreamException e) {
                log.debug("leaving {} failed: {}", current.server(), e.getMessage());
            }
        });
    }
}
