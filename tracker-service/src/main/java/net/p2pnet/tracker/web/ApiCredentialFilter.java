package net.p2pnet.tracker.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.support.problem.ProblemWriter;
import net.p2pnet.tracker.announce.AccessPolicy;
import net.p2pnet.tracker.http.RawQuery;
import net.p2pnet.tracker.swarm.TrackerRefusal;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who is calling the REST API and the status page, decided from headers and the query string
 * alone, before any body is read (a private tracker must not read 16 MB from a stranger).
 *
 * <ul>
 * <li>{@code X-Operator-Token}: the operator ({@link #OPERATOR} attribute); a wrong one is a 401.</li>
 * <li>{@code X-Passkey} header or {@code passkey} query parameter: a member, whose peer id goes
 *     into the {@link #MEMBER} attribute; an invalid one is a 401 in either mode.</li>
 * <li>Neither: refused with 401 in private mode, except health, metrics and the API description.</li>
 * </ul>
 * BitTorrent paths never get here: {@link net.p2pnet.tracker.http.BitTorrentValve} answers them first.
 */
public final class ApiCredentialFilter extends OncePerRequestFilter {

    /** Request attribute: the peer id of the passkey presented, absent without one. */
    public static final String MEMBER = "net.p2pnet.tracker.member";
    /** Request attribute: {@code Boolean.TRUE} when the operator token was presented. */
    public static final String OPERATOR = "net.p2pnet.tracker.operator";
    static final String PASSKEY_HEADER = "X-Passkey";
    static final String OPERATOR_HEADER = "X-Operator-Token";
    /** A tracker member authenticates with a passkey, not a bearer ticket. */
    private static final String CHALLENGE = "Passkey realm=\"p2pnet tracker\"";

    private final AccessPolicy access;
    private final OperatorToken operator;
    private final ProblemWriter problems;

    ApiCredentialFilter(AccessPolicy access, OperatorToken operator, ProblemWriter problems) {
        this.access = access;
        this.operator = operator;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            identify(request);
        } catch (RequestRefused refused) {
            problems.write(response, refused);
            return;
        }
        chain.doFilter(request, response);
    }

    private void identify(HttpServletRequest request) {
        String token = request.getHeader(OPERATOR_HEADER);
        if (token != null) {
            if (!operator.matches(token)) {
                throw RequestRefused.unauthorized("the operator token does not match (or this tracker has none)", CHALLENGE);
            }
            request.setAttribute(OPERATOR, Boolean.TRUE);
            return;
        }
        String passkey = passkey(request);
        if (passkey != null) {
            try {
                request.setAttribute(MEMBER, access.member(passkey));
            } catch (TrackerRefusal invalid) {
                throw RequestRefused.unauthorized(invalid.getMessage(), CHALLENGE);
            }
        } else if (access.privateMode() && !isPublic(request.getRequestURI())) {
            throw RequestRefused.unauthorized("this tracker is private: send the passkey from your peer ticket "
                    + "in the " + PASSKEY_HEADER + " header", CHALLENGE);
        }
    }

    /** From the header, else from the raw query string: never from a form body, which is not read yet. */
    private static String passkey(HttpServletRequest request) {
        String header = request.getHeader(PASSKEY_HEADER);
        if (header != null) {
            return header;
        }
        try {
            return RawQuery.parse(request.getQueryString()).firstText("passkey");
        } catch (TrackerRefusal malformed) {
            throw RequestRefused.unauthorized("passkey parameter: " + malformed.getMessage(), CHALLENGE);
        }
    }

    /** What a private tracker shows without a passkey: health and metrics for probes, the API description. */
    private static boolean isPublic(String uri) {
        return uri.startsWith("/actuator/") || uri.startsWith("/v3/api-docs") || uri.startsWith("/swagger-ui")
                || uri.equals("/error");
    }
}
