package net.p2pnet.agent.transfer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerKey;
import net.p2pnet.model.crypto.PeerRequestSigner;
import net.p2pnet.model.crypto.PeerTicket;

/**
 * A plain HTTP client that answers a private agent's challenge as an agent does ({@link MemberProof}),
 * with any ticket and any key, so tests can present wrong ones. Each request goes over a new
 * connection: a proven connection would serve later requests without asking.
 */
public final class MemberClient {

    private final String ticket;
    private final PeerRequestSigner signer;

    public MemberClient(String ticket, PeerKey key) {
        this.ticket = ticket;
        this.signer = new PeerRequestSigner(key, Clock.systemUTC());
    }

    /** The challenge an unauthenticated request to {@code uri} gets. */
    static MemberProof.Challenge challenge(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri));
        if (refused.statusCode() != 401) {
            throw new IllegalStateException(uri + " answered " + refused.statusCode() + " without a proof");
        }
        return MemberProof.Challenge.parse(refused.headers().firstValue("WWW-Authenticate").orElse(null))
                .orElseThrow(() -> new IllegalStateException("no challenge from " + uri));
    }

    /** The headers of a proof for {@code challenge}, for a GET of {@code uri}. */
    Map<String, String> proof(URI uri, MemberProof.Challenge challenge) {
        String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", PeerTicket.authorizationHeader(ticket));
        headers.put(MemberProof.CHALLENGE_HEADER, challenge.nonce());
        headers.putAll(signer.sign(PeerAudience.AGENT, MemberProof.binding(challenge.peerId(), challenge.nonce()), "GET",
                path, null).headers());
        return headers;
    }

    /** Asks for a challenge, then sends the request with a proof. */
    public HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        return sendBytes(uri, proof(uri, challenge(uri)));
    }

    static HttpResponse<byte[]> sendBytes(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        headers.forEach(request::header);
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
