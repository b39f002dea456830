package net.p2pnet.chat.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.model.crypto.VerificationException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Admits only requests carrying a valid peer ticket ({@code Authorization: Bearer <ticket>}), checked
 * offline with the network key: the chatroom never calls the rendezvous server that issued it.
 */
@Component
public class TicketInterceptor implements HandlerInterceptor {

    static final String PEER_ATTRIBUTE = TicketInterceptor.class.getName() + ".peer";

    private final NetworkKey key;
    private final Clock clock;

    public TicketInterceptor(NetworkKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        try {
            String token = PeerTicket.fromAuthorizationHeader(request.getHeader(HttpHeaders.AUTHORIZATION));
            PeerTicket ticket = PeerTicket.verify(token, key, clock.instant());
            request.setAttribute(PEER_ATTRIBUTE, new Peer(ticket.peerId(), ticket.peerName()));
            return true;
        } catch (VerificationException e) {
            throw RequestRefused.unauthorized("peer ticket refused: " + e.getMessage());
        }
    }
}
