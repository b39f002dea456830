package net.p2pnet.rendezvous.federation;

import java.time.Clock;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.crypto.Handshake.Role;
import net.p2pnet.model.crypto.Handshake.Transcript;
import net.p2pnet.model.crypto.Handshake;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.ResponderNonces;
import net.p2pnet.model.crypto.VerificationException;
import net.p2pnet.model.net.ServerAddress;
import net.p2pnet.rendezvous.config.RendezvousProperties;
import net.p2pnet.rendezvous.config.SelfAddress;
import net.p2pnet.rendezvous.federation.FederationMessages.Confirm;
import net.p2pnet.rendezvous.federation.FederationMessages.Hello;
import net.p2pnet.rendezvous.federation.FederationMessages.HelloReply;
import org.springframework.stereotype.Component;

/**
 * The responder's half of the handshake. It keeps no state per hello: its challenge is a
 * {@link ResponderNonces MAC'd nonce} that the confirmation brings back, so a flood of hellos from
 * anyone costs a MAC each and cannot displace a real server's handshake. A confirmation is
 * accepted once, within {@code p2pnet.rendezvous.sync.handshake-validity} of its hello.
 */
@Component
class HandshakeResponder {

    private final Handshake handshake;
    private final NetworkKey key;
    private final SelfAddress self;
    private final ServerRegistry registry;
    private final AuthFailures failures;
    private final ResponderNonces challenges;

    HandshakeResponder(Handshake handshake, NetworkKey key, SelfAddress self, ServerRegistry registry,
            AuthFailures failures, Clock clock, RendezvousProperties properties) {
        this.handshake = handshake;
        this.key = key;
        this.self = self;
        this.registry = registry;
        this.failures = failures;
        this.challenges = new ResponderNonces(clock, properties.sync().handshakeValidity(),
                properties.sync().replayCacheSize());
    }

    HelloReply hello(Hello hello) {
        ServerAddress initiator = parseAddress(hello.initiator());
        if (!key.networkName().equals(hello.network())) {
            VerificationException e = new VerificationException(VerificationException.Reason.WRONG_NETWORK,
                    "this server belongs to network '" + key.networkName() + "', not '" + hello.network() + "'");
            failures.record(initiator.toString(), e);
            throw e;
        }
        String responderNonce = challenges.issue(initiator.toString(), hello.initiatorNonce());
        Transcript transcript = new Transcript(initiator.toString(), self.id(), hello.initiatorNonce(), responderNonce);
        return new HelloReply(self.id(), responderNonce, handshake.prove(Role.RESPONDER, transcript));
    }

    void confirm(Confirm confirm) {
        ServerAddress initiator = parseAddress(confirm.initiator());
        if (!self.id().equals(confirm.responder())) {
            throw RequestRefused.badRequest("confirmation is addressed to '" + confirm.responder() + "', this is " + self.id());
        }
        Transcript transcript = new Transcript(initiator.toString(), self.id(), confirm.initiatorNonce(),
                confirm.responderNonce());
        try {
            challenges.check(initiator.toString(), confirm.initiatorNonce(), confirm.responderNonce());
        } catch (VerificationException e) {
            // Not a secret mismatch: 400, so a late but honest initiator simply starts again.
            throw RequestRefused.badRequest("no valid challenge for this confirmation: " + e.getMessage()
                    + "; start the handshake again");
        }
        try {
            handshake.verify(Role.INITIATOR, transcript, confirm.proof());
        } catch (VerificationException e) {
            failures.record(initiator.toString(), e);
            throw e;
        }
        try {
            challenges.redeem(confirm.responderNonce());
        } catch (VerificationException e) {
            throw RequestRefused.badRequest(e.getMessage());
        }
        registry.markUp(initiator);
    }

    private static ServerAddress parseAddress(String address) {
        try {
            return ServerAddress.parse(address);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest("initiator must be host:port: " + e.getMessage());
        }
    }
}
