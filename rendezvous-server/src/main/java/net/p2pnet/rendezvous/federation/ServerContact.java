package net.p2pnet.rendezvous.federation;

import net.p2pnet.model.crypto.Handshake;
import net.p2pnet.model.crypto.Handshake.Role;
import net.p2pnet.model.crypto.Handshake.Transcript;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.VerificationException;
import net.p2pnet.model.net.ServerAddress;
import net.p2pnet.rendezvous.config.SelfAddress;
import net.p2pnet.rendezvous.federation.FederationCallException.Kind;
import net.p2pnet.rendezvous.federation.FederationMessages.Confirm;
import net.p2pnet.rendezvous.federation.FederationMessages.Hello;
import net.p2pnet.rendezvous.federation.FederationMessages.HelloReply;
import org.springframework.stereotype.Component;

/**
 * One contact with another server: the handshake when it has not proved the secret yet, then the
 * signed server-list exchange. Failures set its state (unreachable, refused) with backoff.
 */
@Component
class ServerContact {

    private final FederationClient client;
    private final Handshake handshake;
    private final NetworkKey key;
    private final SelfAddress self;
    private final ServerRegistry registry;
    private final DirectoryExchange exchange;
    private final AuthFailures failures;

    ServerContact(FederationClient client, Handshake handshake, NetworkKey key, SelfAddress self,
            ServerRegistry registry, DirectoryExchange exchange, AuthFailures failures) {
        this.client = client;
        this.handshake = handshake;
        this.key = key;
        this.self = self;
        this.registry = registry;
        this.exchange = exchange;
        this.failures = failures;
    }

    /**
     * Contacts {@code address}; returns the server's canonical address when it has just become
     * UP (the caller then pulls its directory), else null.
     */
    ServerAddress contact(ServerAddress address) {
        try {
            ServerAddress current = address;
            boolean fresh = false;
            if (registry.state(address) != ServerState.UP) {
                current = shakeHands(address);
                fresh = true;
            }
            exchange.learnServers(client.exchangeServers(current, exchange.ourServers()));
            registry.synced(current);
            return fresh ? current : null;
        } catch (FederationCallException e) {
            switch (e.kind()) {
                case REFUSED -> {
                    if (registry.state(address) == ServerState.UP) {
                        registry.needsHandshake(address); // e.g. it restarted: prove ourselves again
                    } else {
                        failures.record(address.toString(), new VerificationException(
                                VerificationException.Reason.TAMPERED, e.getMessage()));
                        registry.markRefused(address);
                    }
                }
                case UNREACHABLE, FAILED -> registry.markUnreachable(address, e.getMessage());
            }
            return null;
        }
    }

    private ServerAddress shakeHands(ServerAddress address) throws FederationCallException {
        String initiatorNonce = Handshake.newNonce();
        HelloReply reply = client.hello(address, new Hello(self.id(), key.networkName(), initiatorNonce));
        Transcript transcript;
        ServerAddress canonical;
        try {
            canonical = ServerAddress.parse(reply.responder());
            transcript = new Transcript(self.id(), canonical.toString(), initiatorNonce, reply.responderNonce());
        } catch (IllegalArgumentException | VerificationException e) {
            throw new FederationCallException(Kind.FAILED, address + " sent a malformed handshake reply: " + e.getMessage());
        }
        // Our proof goes out even when theirs is wrong, so both operators see the mismatch in their logs and metrics.
        String ourProof = handshake.prove(Role.INITIATOR, transcript);
        VerificationException theirs = null;
        try {
            handshake.verify(Role.RESPONDER, transcript, reply.proof());
        } catch (VerificationException e) {
            theirs = e;
        }
        client.confirm(address, new Confirm(self.id(), canonical.toString(), initiatorNonce, reply.responderNonce(),
                ourProof));
        if (theirs != null) {
            throw new FederationCallException(Kind.REFUSED, address + ": " + theirs.getMessage());
        }
        registry.rename(address, canonical);
        registry.markUp(canonical);
        return canonical;
    }
}
