package net.p2pnet.agent.network;

import net.p2pnet.agent.transfer.TransferServer;

import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.p2pnet.agent.config.AgentProperties;
import net.p2pnet.model.net.ServerAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * This agent's membership of the network: registers with the first rendezvous server of the
 * SERVERS file that answers, heartbeats, re-registers before the ticket expires, and fails over to
 * the next server when the current one stops answering. The peer id is kept in H2, so a restarted
 * agent is the same peer for its friends.
 */
@Component
public class RendezvousSession {

    private static final Logger log = LoggerFactory.getLogger(RendezvousSession.class);
    private static final String PEER_ID_SETTING = "rendezvous.peer-id";

    /** What the control API shows about the session. */
    public record Status(boolean registered, String server, String peerId, String observedAddress,
                         Instant ticketExpiresAt, String lastError, List<String> servers) {
    }

    private final RendezvousServers servers;
    private final RendezvousApi api;
    private final PeerCredentials credentials;
    private final AgentSettingRepository settings;
    private final TransferServer transfer;
    private final RendezvousProperties properties;
    private final String name;
    private final String joinKey;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("rendezvous").factory());

    private volatile int serverIndex;
    private volatile String observedAddress;
    private volatile String lastError;

    RendezvousSession(RendezvousServers servers, RendezvousApi api, PeerCredentials credentials,
            AgentSettingRepository settings, TransferServer transfer, RendezvousProperties properties,
            AgentProperties agent) {
        this.servers = servers;
        this.api = api;
        this.credentials = credentials;
        this.settings = settings;
        this.transfer = transfer;
        this.properties = properties;
        this.name = agent.name() != null && !agent.name().isBlank() ? agent.name() : hostName();
        this.joinKey = agent.joinKey();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (servers.all().isEmpty()) {
            log.info("no rendezvous servers configured (p2pnet.agent.servers-file): not joining a network");
            return;
        }
        timer.execute(this::step);
    }

    public Status status() {
        Optional<PeerCredentials.Credentials> current = credentials.current();
        return new Status(current.isPresent(), current.map(PeerCredentials.Credentials::server).orElse(null),
                current.map(PeerCredentials.Credentials::peerId).orElseGet(this::storedPeerId), observedAddress,
                current.map(PeerCredentials.Credentials::expiresAt).orElse(null), lastError,
                servers.all().stream().map(ServerAddress::toString).toList());
    }

    /** A GET on the current server's client API, e.g. {@code /api/v1/peers/{id}}. */
    public JsonNode query(String pathAndQuery) {
        PeerCredentials.Credentials current = credentials.current()
                .orElseThrow(() -> new UpstreamException("not registered with any rendezvous server yet"
                        + (lastError == null ? "" : " (last error: " + lastError + ")")));
        return api.get(ServerAddress.parse(current.server()), pathAndQuery, current.ticket());
    }

    private void step() {
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
            ServerAddress server = all.get((serverIndex + i) % all.size());
            try {
                register(server);
                serverIndex = (serverIndex + i) % all.size();
                return properties.heartbeatInterval().toMillis();
            } catch (UpstreamException e) {
                lastError = e.getMessage();
                log.warn("rendezvous: {}", e.getMessage());
            }
        }
        return properties.retryInterval().toMillis();
    }

    private void register(ServerAddress server) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("transferPort", transfer.port());
        String known = storedPeerId();
        if (known != null) {
            body.put("peerId", known);
        }
        if (joinKey != null) {
            body.put("joinKey", joinKey);
        }
        JsonNode answer = api.register(server, body, joinKey);
        String peerId = answer.path("peerId").asString(null);
        String ticket = answer.path("ticket").asString(null);
        if (peerId == null || ticket == null) {
            throw new UpstreamException("rendezvous server " + server + " answered a registration without peerId/ticket");
        }
        settings.save(new AgentSettingEntity(PEER_ID_SETTING, peerId));
        credentials.update(new PeerCredentials.Credentials(peerId, ticket, instant(answer.path("expiresAt")),
                answer.path("passkey").asString(null), server.toString()));
        observedAddress = answer.path("observedAddress").asString(observedAddress);
        lastError = null;
        log.info("registered with rendezvous server {} as peer {}", server, peerId);
    }

    private long keepAlive(PeerCredentials.Credentials current) {
        ServerAddress server = ServerAddress.parse(current.server());
        Instant expires = current.expiresAt();
        if (expires != null && clock.instant().plus(properties.heartbeatInterval().multipliedBy(2)).isAfter(expires)) {
            credentials.clear(); // renew the ticket: registering again keeps the peer id
            return 0;
        }
        try {
            JsonNode answer = api.heartbeat(server, current.peerId(), current.ticket(), transfer.port());
            observedAddress = answer.path("observedAddress").asString(observedAddress);
            return properties.heartbeatInterval().toMillis();
        } catch (UpstreamException e) {
            lastError = e.getMessage();
            log.warn("rendezvous: {}", e.getMessage());
            credentials.clear();
            if (e.status() == 0 || e.status() >= 500) {
                serverIndex = (serverIndex + 1) % servers.all().size(); // down: fail over
            }
            return 0; // otherwise the server forgot us (expired, restarted): register again there
        }
    }

    private String storedPeerId() {
        return settings.findById(PEER_ID_SETTING).map(AgentSettingEntity::value).orElse(null);
    }

    private static Instant instant(JsonNode node) {
        if (node.isNumber()) {
            return Instant.ofEpochSecond(node.asLong());
        }
        return node.isString() ? Instant.parse(node.asString()) : null;
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
