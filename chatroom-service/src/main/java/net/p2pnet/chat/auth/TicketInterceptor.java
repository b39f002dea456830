package net.p2pnet.chat.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerRequestVerifier;
import net.p2pnet.model.crypto.PeerSignature;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.model.crypto.VerificationException;
import net.p2pnet.support.body.BodyTooLargeException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Admits only requests carrying a valid peer ticket ({@code Authorization: Bearer <ticket>}), checked
 * offline with the network key (the chatroom never calls the rendezvous server that issued it), and
 * signed with the key the ticket is bound to ({@code X-P2pnet-Peer-*}, audience "chatroom"). A ticket
 * somebody has seen (a source the peer downloaded from, another service) is worth nothing without
 * that key, and a signed request is good once.
 */
@Component
public class TicketInterceptor implements HandlerInterceptor {

    static final String PEER_ATTRIBUTE = TicketInterceptor.class.getName() + ".peer";

    private final NetworkKey key;
    private final Clock clock;
    private final PeerRequestVerifier signatures;

    public TicketInterceptor(NetworkKey key, Clock clock, PeerAuthProperties properties) {
        this.key = key;
        this.clock = clock;
        this.signatures = new PeerRequestVerifier(PeerAudience.CHATROOM, clock, properties.maxClockSkew(),
                properties.replayCacheSize());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(PEER_ATTRIBUTE) != null) {
            return true; // the dispatch that completes an event stream: checked when it was opened
        }
        BodyTooLargeException refused = CachedBodyFilter.refusal(request);
        if (refused != null) {
            throw RequestRefused.tooLarge(refused.getMessage());
        }
        byte[] body = CachedBodyFilter.body(request);
        try {
            String token = PeerTicket.fromAuthorizationHeader(request.getHeader(HttpHeaders.AUTHORIZATION));
            PeerTicket ticket = PeerTicket.verify(token, key, clock.instant());
            String query = request.getQueryString();
            signatures.verify(ticket, "", request.getMethod(),
                    query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query, body,
                    PeerSignature.fromHeaders(request::getHeader));
            request.setAttribute(PEER_ATTRIBUTE, new Peer(ticket.peerId(), ticket.peerName()));
            return true;
        } catch (VerificationException e) {
            throw RequestRefused.unauthorized("peer ticket refused: " + e.getMessage());
        }
    }
}
