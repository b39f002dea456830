package net.p2pnet.support.problem;

import java.net.URI;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.crypto.VerificationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** How a refusal looks on the wire, the same from a controller advice and from a servlet filter. */
public final class Problems {

    /** The challenge of a 401 that names no other: agents send their peer ticket as a bearer token. */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"p2pnet\"";

    private Problems() {
    }

    public static ProblemDetail body(RequestRefused refusal) {
        HttpStatus status = HttpStatus.valueOf(refusal.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
        problem.setTitle(refusal.title().orElse(status.getReasonPhrase()));
        return problem;
    }

    public static HttpHeaders headers(RequestRefused refusal) {
        HttpHeaders headers = new HttpHeaders();
        refusal.headers().forEach(headers::set);
        if (refusal.status() == HttpStatus.UNAUTHORIZED.value() && !headers.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
        }
        if (refusal.status() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            headers.set(HttpHeaders.CONNECTION, "close"); // the unread rest of the body is not worth draining
        }
        return headers;
    }

    /** A bad or missing ticket, signature or proof: 401, its reason as a property and in the type. */
    public static ProblemDetail body(VerificationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setType(URI.create("https://p2pnet.net/problems/credential-"
                + e.reason().name().toLowerCase().replace('_', '-')));
        problem.setProperty("reason", e.reason().name());
        return problem;
    }

    /** A header value quoted in a refusal: bounded, so a huge header does not come back as a huge answer. */
    public static String quote(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }
}
