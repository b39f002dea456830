package net.p2pnet.agent.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the control API, the web UI, the actuator and the API docs: a refused caller gets 401
 * problem+json before any controller runs, so nothing changes; a refused browser asking for a page
 * is sent to {@code /login} instead. A web session cookie counts as the bearer token does (same
 * allowed-addresses rule); a state-changing request that got in by the cookie must also carry the
 * session's CSRF token in {@value #CSRF_HEADER} ({@link ControlSessions#csrfToken}), which the
 * web UI reads from {@code GET /api/v1/session}. Runs as a servlet filter (not an MVC interceptor)
 * so that SSE and multipart requests are checked before their bodies are read. The caller is the
 * socket's peer ({@link PeerAddressValve}), never an address from a forwarded header.
 */
@Component
@Order(ControlFilterOrder.ACCESS)
public class ControlAccessFilter extends OncePerRequestFilter {

    /** Set on an allowed request: how it got in ({@code loopback}, {@code token} or {@code session}). */
    static final String VIA = "p2pnet.control.via";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final ControlAccessPolicy policy;
    private final ControlSessions sessions;
    private final ProblemResponses problems;

    ControlAccessFilter(ControlAccessPolicy policy, ControlSessions sessions, ProblemResponses problems) {
        this.policy = policy;
        this.sessions = sessions;
        this.problems = problems;
    }

    /** The login page and logout check what they need themselves (LoginController). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(LoginController.LOGIN) || path.equals(LoginController.LOGOUT);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        InetAddress caller = PeerAddressValve.of(request);
        String bearer = bearer(request);
        String session = bearer == null ? LoginController.sessionCookie(request) : null;
        ControlAccessPolicy.Decision decision = session != null
                ? policy.checkSession(caller, sessions.isValid(session))
                : policy.check(caller, bearer);
        if (decision.allowed() && "session".equals(decision.reason()) && CrossSiteRequestFilter.changesState(request)
                && !sessions.csrfTokenMatches(session, request.getHeader(CSRF_HEADER))) {
            problems.write(response, HttpStatus.FORBIDDEN, "CSRF token missing or wrong", "a change made with the"
                    + " web session needs the session's token in " + CSRF_HEADER + " (GET /api/v1/session gives it;"
                    + " the web UI sends it); scripts use 'Authorization: Bearer <token>' instead");
            return;
        }
        if (decision.allowed()) {
            request.setAttribute(VIA, decision.reason());
            // revalidate every time: a logged-out browser must not show the UI from its cache
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            chain.doFilter(request, response);
            return;
        }
        if (isPageRequest(request)) {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + LoginController.LOGIN);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"p2pnet-agent\"");
        problems.write(response, HttpStatus.UNAUTHORIZED, "Not allowed to control this agent", decision.reason());
    }

    /** A browser navigating to a page of the UI (not a script's API, actuator or docs call). */
    private static boolean isPageRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return "GET".equals(request.getMethod()) && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)
                && !path.startsWith("/api/") && !path.startsWith("/actuator") && !path.startsWith("/v3/");
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String scheme = "Bearer ";
        if (header == null || !header.regionMatches(true, 0, scheme, 0, scheme.length())) {
            return null;
        }
        return header.substring(scheme.length()).strip();
    }
}
