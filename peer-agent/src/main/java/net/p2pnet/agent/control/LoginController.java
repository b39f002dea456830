package net.p2pnet.agent.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Login for the web UI from another machine, where a browser cannot send the bearer token:
 * {@code POST /login} with the right token sets an HttpOnly, SameSite=Strict session cookie
 * ({@link ControlSessions}); {@code POST /logout} ends it. SameSite=Strict keeps other sites'
 * pages from riding on the session; the CSRF token ({@code GET /api/v1/session}) also covers a
 * page of the same site (another port or subdomain), which SameSite does not.
 */
@RestController
class LoginController {

    static final String LOGIN = "/login";
    static final String LOGOUT = "/logout";
    private static final Logger log = LoggerFactory.getLogger(LoginController.class);
    private static final String ERROR_SLOT = "<!--error-->";

    private final ControlAccessPolicy policy;
    private final ControlSessions sessions;
    private final String page;

    LoginController(ControlAccessPolicy policy, ControlSessions sessions) {
        this.policy = policy;
        this.sessions = sessions;
        try (InputStream in = LoginController.class.getResourceAsStream("/web/login.html")) {
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(path = LOGIN, produces = MediaType.TEXT_HTML_VALUE)
    String loginPage() {
        return page;
    }

    @PostMapping(path = LOGIN, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> login(@RequestParam(required = false) String token, HttpServletRequest request)
            throws IOException {
        InetAddress caller = PeerAddressValve.of(request);
        ControlAccessPolicy.Decision decision = policy.checkToken(caller, token == null || token.isEmpty() ? null : token);
        if (!decision.allowed()) {
            log.info("refused web login from {}: {}", caller.getHostAddress(), decision.reason());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_HTML)
                    .body(page.replace(ERROR_SLOT, "<p id=\"login-error\" role=\"alert\">"
                            + HtmlUtils.htmlEscape(decision.reason()) + "</p>"));
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/"))
                .header(HttpHeaders.SET_COOKIE, cookie(sessions.issue(), ControlSessions.LIFETIME, request).toString())
                .build();
    }

    /** A valid session is ended only with its CSRF token, so no other page can log the user out. */
    @PostMapping(LOGOUT)
    ResponseEntity<?> logout(HttpServletRequest request) {
        String session = sessionCookie(request);
        if (session != null && sessions.isValid(session)) {
            if (!sessions.csrfTokenMatches(session, request.getHeader(ControlAccessFilter.CSRF_HEADER))) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                        "logging out needs the session's token in " + ControlAccessFilter.CSRF_HEADER);
                problem.setTitle("CSRF token missing or wrong");
                return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(problem);
            }
            sessions.revoke(session);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(LOGIN))
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, request).toString()).build();
    }

    /**
     * How this request got in, so the UI shows "Log out" only to a logged-in browser, and for a web
     * session its CSRF token (absent otherwise).
     */
    @GetMapping("/api/v1/session")
    SessionView session(HttpServletRequest request) {
        String via = String.valueOf(request.getAttribute(ControlAccessFilter.VIA));
        return new SessionView(via, "session".equals(via) ? sessions.csrfToken(sessionCookie(request)) : null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SessionView(String via, String csrfToken) {
    }

    static String sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (ControlSessions.COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static ResponseCookie cookie(String value, Duration maxAge, HttpServletRequest request) {
        // Secure only over TLS: the control port is plain HTTP unless a proxy in front terminates TLS
        return ResponseCookie.from(ControlSessions.COOKIE, value).httpOnly(true).sameSite("Strict")
                .secure(request.isSecure()).path("/").maxAge(maxAge).build();
    }
}
