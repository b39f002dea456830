package net.p2pnet.agent.upstream;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.p2pnet.agent.identity.PeerIdentity;
import net.p2pnet.agent.transfer.PeerTicketProvider;
import net.p2pnet.model.crypto.PeerAudience;
import org.springframework.stereotype.Component;

/**
 * What the rendezvous network gave this agent: its peer id, a peer ticket bound to its key (sent with
 * a signature by that key to the chatroom service and other agents) and the tracker passkey derived
 * from it. Empty until registered; the agent holds no network secret, so it cannot make these itself.
 */
@Component
public class PeerCredentials implements PeerTicketProvider {

    /** One registration's result. */
    public record Credentials(String peerId, String ticket, Instant expiresAt, String passkey, String server) {
    }

    private final AtomicReference<Credentials> current = new AtomicReference<>();
    private final PeerIdentity identity;

    PeerCredentials(PeerIdentity identity) {
        this.identity = identity;
    }

    public Optional<Credentials> current() {
        return Optional.ofNullable(current.get());
    }

    public Optional<String> ticket() {
        return current().map(Credentials::ticket);
    }

    /** Other agents' transfer ports of a private network ask for it. */
    @Override
    public Optional<String> currentTicket() {
        return ticket();
    }

    /** What authenticates this agent to {@code audience}; empty until registered. */
    public Optional<PeerAuth> auth(PeerAudience audience) {
        return ticket().map(ticket -> new PeerAuth(ticket, identity.signer(), audience));
    }

    public Optional<String> passkey() {
        return current().map(Credentials::passkey);
    }

    void update(Credentials credentials) {
        current.set(credentials);
    }

    void clear() {
        current.set(null);
    }
}
