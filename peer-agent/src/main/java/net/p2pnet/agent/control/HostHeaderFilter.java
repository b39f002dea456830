package net.p2pnet.agent.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, on every path (API, web UI, login, actuator, API docs), a request whose {@code Host}
 * header is not one of the agent's names ({@link AllowedHosts}): 421 problem+json, before anything
 * else runs. This is what keeps a DNS-rebinding page, which the loopback rule alone would let in,
 * from reading or changing anything.
 */
@Component
@Order(ControlFilterOrder.HOST)
class HostHeaderFilter extends OncePerRequestFilter {

    private final AllowedHosts hosts;
    private final ProblemResponses problems;

    HostHeaderFilter(AllowedHosts hosts, ProblemResponses problems) {
        this.hosts = hosts;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the raw header, not getServerName(): forwarded-header handling could have replaced that
        String host = request.getHeader(HttpHeaders.HOST);
        if (hosts.allows(host)) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(response, HttpStatus.MISDIRECTED_REQUEST, "Unknown host name",
                host == null ? "the request has no Host header"
                        : "'" + ProblemResponses.quote(host) + "' is not a name of this agent: use localhost or an IP"
                        + " address, or add the name to p2pnet.agent.control.allowed-hosts");
    }
}
