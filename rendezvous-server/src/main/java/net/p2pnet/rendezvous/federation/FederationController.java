package net.p2pnet.rendezvous.federation;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.api.ServerIdentity;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.RequestVerifier;
import net.p2pnet.model.crypto.SignedRequest;
import net.p2pnet.model.crypto.VerificationException;
import net.p2pnet.model.net.ServerAddress;
import net.p2pnet.rendezvous.config.RendezvousProperties;
import net.p2pnet.rendezvous.config.SelfAddress;
import net.p2pnet.rendezvous.federation.FederationMessages.Confirm;
import net.p2pnet.rendezvous.federation.FederationMessages.DirectoryPage;
import net.p2pnet.rendezvous.federation.FederationMessages.Hello;
import net.p2pnet.rendezvous.federation.FederationMessages.HelloReply;
import net.p2pnet.rendezvous.federation.FederationMessages.ServerList;
import net.p2pnet.rendezvous.federation.FederationMessages.SyncBatch;
import net.p2pnet.rendezvous.web.JsonBodyReader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /federation/v1}: the identity and handshake are open (they reveal nothing but a MAC);
 * everything else needs a request signed with the federation sub-key, fresh and never replayed.
 */
@RestController
@RequestMapping("/federation/v1")
public class FederationController {

    private static final long HANDSHAKE_BODY = 4096;

    private final SelfAddress self;
    private final NetworkKey key;
    private final HandshakeResponder responder;
    private final ServerRegistry registry;
    private final DirectoryExchange exchange;
    private final JsonBodyReader bodies;
    private final RequestVerifier verifier;
    private final AuthFailures failures;
    private final long maxBody;

    public FederationController(SelfAddress self, NetworkKey key, HandshakeResponder responder,
            ServerRegistry registry, DirectoryExchange exchange, JsonBodyReader bodies,
            @Qualifier("federation") RequestVerifier verifier, AuthFailures failures, RendezvousProperties properties) {
        this.self = self;
        this.key = key;
        this.responder = responder;
        this.registry = registry;
        this.exchange = exchange;
        this.bodies = bodies;
        this.verifier = verifier;
        this.failures = failures;
        this.maxBody = properties.sync().maxBody().toBytes();
    }

    @Operation(summary = "What another operator needs to federate with this server (never the secret)")
    @GetMapping("/self")
    public ServerIdentity self() {
        return new ServerIdentity(self.id(), key.networkName(), key.fingerprint());
    }

    @Operation(summary = "Handshake step 1: challenge; the answer proves this server's secret")
    @PostMapping("/hello")
    public HelloReply hello(HttpServletRequest request) {
        return responder.hello(bodies.read(request, Hello.class, HANDSHAKE_BODY));
    }

    @Operation(summary = "Handshake step 3: the initiator's proof")
    @PostMapping("/hello/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void confirm(HttpServletRequest request) {
        responder.confirm(bodies.read(request, Confirm.class, HANDSHAKE_BODY));
    }

    @Operation(summary = "Server-list exchange (signed): send ours, get theirs")
    @PostMapping("/servers")
    public ServerList servers(HttpServletRequest request) {
        ServerList theirs = bodies.parse(verified(request), ServerList.class);
        exchange.learnServers(theirs);
        return exchange.ourServers();
    }

    @Operation(summary = "Push of changed directory entries (signed)")
    @PostMapping("/sync")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void sync(HttpServletRequest request) {
        exchange.receive(bodies.parse(verified(request), SyncBatch.class));
    }

    @Operation(summary = "A page of the directories for anti-entropy (signed)")
    @GetMapping("/directory")
    public DirectoryPage directory(HttpServletRequest request, @RequestParam String kind,
            @RequestParam(defaultValue = "1000") int limit, @RequestParam(required = false) String after) {
        verified(request);
        return exchange.page(kind, after, limit);
    }

    /** Verifies the signature, counts and logs failures, and notes a signer we did not know. */
    private byte[] verified(HttpServletRequest request) {
        byte[] body;
        try {
            body = bodies.readVerified(request, verifier, maxBody);
        } catch (VerificationException e) {
            failures.record(request.getRemoteAddr(), e);
            throw e;
        }
        String signer = request.getHeader(SignedRequest.SIGNER_HEADER);
        try {
            registry.add(ServerAddress.parse(signer));
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest(SignedRequest.SIGNER_HEADER + " must be the sender's host:port: " + e.getMessage());
        }
        return body;
    }
}
