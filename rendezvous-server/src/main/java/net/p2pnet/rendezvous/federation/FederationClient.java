package net.p2pnet.rendezvous.federation;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import net.p2pnet.model.crypto.KeyPurpose;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.RequestSigner;
import net.p2pnet.model.crypto.SignedRequest;
import net.p2pnet.model.net.BoundedBody;
import net.p2pnet.model.net.ServerAddress;
import net.p2pnet.rendezvous.config.RendezvousProperties;
import net.p2pnet.rendezvous.config.SelfAddress;
import net.p2pnet.rendezvous.federation.FederationCallException.Kind;
import net.p2pnet.rendezvous.federation.FederationMessages.Confirm;
import net.p2pnet.rendezvous.federation.FederationMessages.DirectoryPage;
import net.p2pnet.rendezvous.federation.FederationMessages.Hello;
import net.p2pnet.rendezvous.federation.FederationMessages.HelloReply;
import net.p2pnet.rendezvous.federation.FederationMessages.ServerList;
import net.p2pnet.rendezvous.federation.FederationMessages.SyncBatch;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to other rendezvous servers, signed with the federation sub-key. The JDK HTTP client is
 * used directly because the signature covers the exact body bytes sent.
 */
@Component
class FederationClient {

    private final HttpClient http;
    private final JsonMapper json;
    private final NetworkKey key;
    private final SelfAddress self;
    private final Clock clock;
    private final Duration timeout;
    private final long maxBody;
    private volatile RequestSigner signer;

    FederationClient(JsonMapper json, NetworkKey key, SelfAddress self, Clock clock, RendezvousProperties properties) {
        this.json = json;
        this.key = key;
        this.self = self;
        this.clock = clock;
        this.timeout = properties.sync().requestTimeout();
        this.maxBody = properties.sync().maxBody().toBytes();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HelloReply hello(ServerAddress to, Hello hello) throws FederationCallException {
        return call(to, "POST", "/federation/v1/hello", hello, HelloReply.class, false);
    }

    void confirm(ServerAddress to, Confirm confirm) throws FederationCallException {
        call(to, "POST", "/federation/v1/hello/confirm", confirm, Void.class, false);
    }

    ServerList exchangeServers(ServerAddress to, ServerList ours) throws FederationCallException {
        return call(to, "POST", "/federation/v1/servers", ours, ServerList.class, true);
    }

    void push(ServerAddress to, SyncBatch batch) throws FederationCallException {
        call(to, "POST", "/federation/v1/sync", batch, Void.class, true);
    }

    /** One page of the peer ({@code kind=peers}) or room ({@code kind=rooms}) directory after a cursor. */
    DirectoryPage pull(ServerAddress to, String kind, String after, int limit) throws FederationCallException {
        String path = "/federation/v1/directory?kind=" + kind + "&limit=" + limit + cursor("after", after);
        return call(to, "GET", path, null, DirectoryPage.class, true);
    }

    private <T> T call(ServerAddress to, String method, String pathAndQuery, Object body, Class<T> answer,
            boolean signed) throws FederationCallException {
        byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(to.httpUri() + pathAndQuery)).timeout(timeout)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (signed) {
            SignedRequest signature = signer().sign(method, pathAndQuery, bytes);
            signature.headers().forEach(request::header);
        }
        HttpResponse<byte[]> response;
        try {
            response = BoundedBody.send(http, request.build(), BoundedBody.bytes((int) Math.min(maxBody, Integer.MAX_VALUE)),
                    timeout);
        } catch (BoundedBody.TooLargeException e) {
            throw new FederationCallException(Kind.FAILED, to + pathAndQuery.replaceAll("\\?.*", "") + " answered "
                    + e.getMessage());
        } catch (IOException e) {
            throw new FederationCallException(Kind.UNREACHABLE, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FederationCallException(Kind.UNREACHABLE, "interrupted");
        }
        byte[] responseBody = response.body();
        return decode(to, pathAndQuery, response.statusCode(), responseBody, answer);
    }

    private <T> T decode(ServerAddress to, String path, int status, byte[] body, Class<T> answer)
            throws FederationCallException {
        String what = to + path.replaceAll("\\?.*", "");
        if (status == 401 || status == 403) {
            throw new FederationCallException(Kind.REFUSED, what + " refused us (" + status + "): " + text(body));
        }
        if (status / 100 != 2) {
            throw new FederationCallException(Kind.FAILED, what + " answered " + status + ": " + text(body));
        }
        if (body.length > maxBody) {
            throw new FederationCallException(Kind.FAILED, what + " answered more than " + maxBody + " bytes");
        }
        if (answer == Void.class) {
            return null;
        }
        try {
            return json.readValue(body, answer);
        } catch (JacksonException e) {
            throw new FederationCallException(Kind.FAILED, what + " answered malformed JSON: " + e.getOriginalMessage());
        }
    }

    private RequestSigner signer() {
        RequestSigner current = signer;
        if (current == null) {
            current = new RequestSigner(key, KeyPurpose.FEDERATION, self.id(), clock);
            signer = current;
        }
        return current;
    }

    private static String cursor(String name, String value) {
        return value == null ? "" : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String text(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return text.replaceAll("\\s+", " ");
    }
}
