package net.p2pnet.agent.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the control API, the actuator and the API docs: a refused caller gets 401 problem+json
 * before any controller runs, so nothing changes. Runs as a servlet filter (not an MVC
 * interceptor) so that SSE and multipart requests are checked before their bodies are read.
 */
@Component
public class ControlAccessFilter extends OncePerRequestFilter {

    private final ControlAccessPolicy policy;
    private final JsonMapper json;

    public ControlAccessFilter(ControlAccessPolicy policy, JsonMapper json) {
        this.policy = policy;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the container gives a literal IP, so this never asks DNS
        InetAddress caller = InetAddress.getByName(request.getRemoteAddr());
        ControlAccessPolicy.Decision decision = policy.check(caller, bearer(request));
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, decision.reason());
        problem.setTitle("Not allowed to control this agent");
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"p2pnet-agent\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
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
