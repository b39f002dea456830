package net.p2pnet.agent.upstream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import net.p2pnet.agent.config.AgentProperties;
import net.p2pnet.model.api.NetworkTicketKey;
import net.p2pnet.model.crypto.Base64Url;
import net.p2pnet.model.crypto.TicketKeyProof;
import net.p2pnet.model.crypto.TicketPublicKey;
import net.p2pnet.model.crypto.VerificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The network's ticket public key as this agent trusts it. Rendezvous servers announce it with a
 * proof made with the join key; the first key that comes with a valid proof is pinned and kept in
 * H2, and a different key later is refused (trust on first use, as SSH host keys), because the join
 * key travels in the registration and a wrong server could make a valid proof for its own key. The
 * pin remembers which join key vouched for it: a new join key (the operator's answer to a new
 * secret) starts trust afresh. An operator can also pin the key up front
 * ({@code p2pnet.agent.ticket-key}); that one wins over a stored pin.
 */
@Component
public class TicketKeyPin {

    /** A pinned key and, once a server announced it, the network name its tickets carry. */
    public record Pinned(TicketPublicKey key, String network) {
    }

    private static final Logger log = LoggerFactory.getLogger(TicketKeyPin.class);
    static final String KEY_SETTING = "rendezvous.ticket-key";
    static final String NETWORK_SETTING = "rendezvous.ticket-network";
    static final String JOIN_KEY_SETTING = "rendezvous.ticket-key-join-key-sha256";

    private final AgentSettingRepository settings;
    private final String joinKey;
    private volatile Pinned pinned;

    TicketKeyPin(AgentProperties agent, AgentSettingRepository settings) {
        this.settings = settings;
        this.joinKey = agent.joinKey();
        boolean sameJoinKey = settings.findById(JOIN_KEY_SETTING).map(AgentSettingEntity::value)
                .filter(stored -> stored.equals(joinKeyDigest(joinKey))).isPresent();
        Optional<Pinned> stored = settings.findById(KEY_SETTING).filter(s -> sameJoinKey).flatMap(this::readStored);
        if (agent.ticketKey() == null || agent.ticketKey().isBlank()) {
            this.pinned = stored.orElse(null);
        } else {
            TicketPublicKey configured = configured(agent.ticketKey());
            this.pinned = stored.filter(s -> s.key().equals(configured)).orElse(new Pinned(configured, null));
        }
    }

    private Optional<Pinned> readStored(AgentSettingEntity key) {
        try {
            return Optional.of(new Pinned(TicketPublicKey.parse(key.value()),
                    settings.findById(NETWORK_SETTING).map(AgentSettingEntity::value).orElse(null)));
        } catch (VerificationException e) {
            // only this agent writes it; if it is damaged, trusting afresh beats refusing to start
            log.warn("the stored ticket key is unreadable ({}): pinning the next one announced", e.getMessage());
            return Optional.empty();
        }
    }

    private static TicketPublicKey configured(String text) {
        try {
            return TicketPublicKey.parse(text);
        } catch (VerificationException e) {
            throw new IllegalArgumentException("p2pnet.agent.ticket-key: " + e.getMessage()
                    + " (copy it from a rendezvous server's --print-identity)"); // the message says it all
        }
    }

    /** A digest, not the join key itself: the pin only needs to notice that the join key changed. */
    private static String joinKeyDigest(String joinKey) {
        if (joinKey == null || joinKey.isEmpty()) {
            return "";
        }
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256")
                    .digest(("p2pnet-ticket-key-pin\n" + joinKey).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public Optional<Pinned> current() {
        return Optional.ofNullable(pinned);
    }

    /**
     * Checks the key a server announced and pins it when none is pinned yet.
     *
     * @throws UpstreamException when the server sent none, its proof does not match our join key, or it
     *                           differs from the pinned key: that server is not to be trusted
     */
    void accept(String server, NetworkTicketKey announced) {
        if (joinKey == null || joinKey.isEmpty()) {
            return; // an open network: nobody's tickets are checked here
        }
        if (announced == null || announced.publicKey() == null || announced.network() == null) {
            throw new UpstreamException(server + " announced no ticket key: it runs an older rendezvous server, "
                    + "which agents of this version cannot use");
        }
        TicketPublicKey key;
        try {
            key = TicketPublicKey.parse(announced.publicKey());
            TicketKeyProof.verify(joinKey, announced.network(), key, announced.proof());
        } catch (VerificationException e) {
            throw new UpstreamException(server + " announced a ticket key we cannot trust: " + e.getMessage());
        }
        Pinned current = pinned;
        if (current != null && !current.key().equals(key)) {
            throw new UpstreamException(server + " announced ticket key " + key.encode() + " but this agent trusts "
                    + current.key().encode() + ": if the network's secret really changed, set "
                    + "p2pnet.agent.ticket-key to the new key");
        }
        if (current != null && current.network() != null && !current.network().equals(announced.network())) {
            throw new UpstreamException(server + " is a server of network '" + announced.network()
                    + "', this agent belongs to '" + current.network() + "'");
        }
        if (current == null || current.network() == null) {
            settings.save(new AgentSettingEntity(KEY_SETTING, key.encode()));
            settings.save(new AgentSettingEntity(NETWORK_SETTING, announced.network()));
            settings.save(new AgentSettingEntity(JOIN_KEY_SETTING, joinKeyDigest(joinKey)));
            pinned = new Pinned(key, announced.network());
            log.info("pinned the ticket key {} of network '{}' (announced by {})", key.encode(), announced.network(),
                    server);
        }
    }
}
