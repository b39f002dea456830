package net.p2pnet.agent.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests that a browser sends on behalf of another site's page: a form's
 * multipart or text/plain POST needs no CORS preflight, so the loopback rule alone would run it.
 * A browser marks such requests itself: {@code Sec-Fetch-Site} is {@code cross-site} or
 * {@code same-site} (another port or subdomain: a different origin, so refused too), and
 * {@code Origin} names the page's origin, which must then be the agent's own ({@code Host}
 * header, already allow-listed by {@link HostHeaderFilter}). Requests without either header
 * (curl, scripts, the CLI) pass: they are not made by a web page.
 */
@Component
@Order(ControlFilterOrder.CROSS_SITE)
class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String FETCH_SITE = "Sec-Fetch-Site";

    private final ProblemResponses problems;

    CrossSiteRequestFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    static boolean changesState(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = changesState(request) ? refusal(request) : null;
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(response, HttpStatus.FORBIDDEN, "Cross-site request refused", refusal
                + ": a page of another site may not change this agent; use its own web UI, the CLI or the API");
    }

    private static String refusal(HttpServletRequest request) {
        String site = request.getHeader(FETCH_SITE);
        if ("cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site)) {
            return "the request came from another site (Sec-Fetch-Site: " + site + ")";
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !isOwnOrigin(origin, request.getHeader(HttpHeaders.HOST))) {
            return "the request came from the page of '" + ProblemResponses.quote(origin) + "'";
        }
        return null;
    }

    /** Same host and port; the scheme is not compared, as a TLS proxy in front may terminate HTTPS. */
    private static boolean isOwnOrigin(String origin, String host) {
        try {
            URI uri = new URI(origin);
            // "null" (sandboxed frames, file: pages) has no authority and is never ours
            return uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host)
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
