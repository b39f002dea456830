package net.p2pnet.rendezvous.federation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.crypto.Handshake.Role;
import net.p2pnet.model.crypto.Handshake.Transcript;
import net.p2pnet.model.crypto.Handshake;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.VerificationException;
import net.p2pnet.model.net.ServerAddress;
import net.p2pnet.rendezvous.config.SelfAddress;
import net.p2pnet.rendezvous.federation.FederationMessages.Confirm;
import net.p2pnet.rendezvous.federation.FederationMessages.Hello;
import net.p2pnet.rendezvous.federation.FederationMessages.HelloReply;
import org.springframework.stereotype.Component;

/**
 * The responder's half of the handshake. Challenges wait for their confirmation in a small bounded
 * map for {@link #PENDING_TTL}; a confirmation can use a challenge only once.
 */
@Component
class HandshakeResponder {

    static final Duration PENDING_TTL = Duration.ofSeconds(30);
    private static final int MAX_PENDING = 1000;

    private record Pending(String responderNonce, Instant issued) {
    }

    private final Handshake handshake;
    private final NetworkKey key;
    private final SelfAddress self;
    private final ServerRegistry registry;
    private final AuthFailures failures;
    private final Clock clock;
    private final Map<String, Pending> pending = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > MAX_PENDING;
        }
    };

    HandshakeResponder(Handshake handshake, NetworkKey key, SelfAddress self, ServerRegistry registry,
            AuthFailures failures, Clock clock) {
        this.handshake = handshake;
        this.key = key;
        this.self = self;
        this.registry = registry;
        this.failures = failures;
        this.clock = clock;
    }

    HelloReply hello(Hello hello) {
        ServerAddress initiator = parseAddress(hello.initiator());
        if (!key.networkName().equals(hello.network())) {
            VerificationException e = new VerificationException(VerificationException.Reason.WRONG_NETWORK,
                    "this server belongs to network '" + key.networkName() + "', not '" + hello.network() + "'");
            failures.record(initiator.toString(), e);
            throw e;
        }
        String responderNonce = Handshake.newNonce();
        Transcript transcript = new Transcript(initiator.toString(), self.id(), hello.initiatorNonce(), responderNonce);
        synchronized (pending) {
            pending.put(initiator + " " + hello.initiatorNonce(), new Pending(responderNonce, clock.instant()));
        }
        return new HelloReply(self.id(), responderNonce, handshake.prove(Role.RESPONDER, transcript));
    }

    void confirm(Confirm confirm) {
        ServerAddress initiator = parseAddress(confirm.initiator());
        if (!self.id().equals(confirm.responder())) {
            throw RequestRefused.badRequest("confirmation is addressed to '" + confirm.responder() + "', this is " + self.id());
        }
        Pending challenge;
        synchronized (pending) {
            challenge = pending.remove(initiator + " " + confirm.initiatorNonce());
        }
        if (challenge == null || !challenge.responderNonce().equals(confirm.responderNonce())
                || challenge.issued().plus(PENDING_TTL).isBefore(clock.instant())) {
            throw RequestRefused.badRequest("no pending handshake for these nonces (expired or already used): start again");
        }
        Transcript transcript = new Transcript(initiator.toString(), self.id(), confirm.initiatorNonce(),
                confirm.responderNonce());
        try {
            handshake.verify(Role.INITIATOR, transcript, confirm.proof());
        } catch (VerificationException e) {
            failures.record(initiator.toString(), e);
            throw e;
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
