package net.p2pnet.agent.upstream;

import java.net.URI;
import java.net.http.HttpRequest;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerRequestSigner;
import net.p2pnet.model.crypto.PeerTicket;

/**
 * How this agent authenticates a request to one kind of service: its ticket (none when registering)
 * and a signature of the request by its own key, made for that audience only. Whoever sees the
 * request learns nothing it could use: the ticket is worthless without the key, the signature is
 * good once, for this method, path and body.
 */
public record PeerAuth(String ticket, PeerRequestSigner signer, PeerAudience audience) {

    /**
     * Adds the headers to {@code request}.
     *
     * @param uri  the request's URI; its raw path and query are what is signed, exactly as sent
     * @param body the exact body bytes (null or empty for none)
     */
    public HttpRequest.Builder sign(HttpRequest.Builder request, String method, URI uri, byte[] body) {
        String pathAndQuery = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        signer.sign(audience, method, pathAndQuery, body).headers().forEach(request::header);
        return ticket == null ? request : request.header("Authorization", PeerTicket.authorizationHeader(ticket));
    }
}
