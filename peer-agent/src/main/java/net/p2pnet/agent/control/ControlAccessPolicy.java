package net.p2pnet.agent.control;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.Predicate;
import net.p2pnet.agent.config.AgentProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who may control this agent (MLdonkey's {@code allowed_ips} + password): loopback callers are
 * trusted unless {@code trust-loopback=false}; everybody else needs an address in the allow-list
 * AND the API token. Without a configured token no remote caller is ever accepted.
 */
@Component
public class ControlAccessPolicy {

    /** Outcome of a check; {@code reason} is shown to the refused caller. */
    public record Decision(boolean allowed, String reason) {
    }

    private final List<AddressRange> allowed;
    private final byte[] token;
    private final boolean trustLoopback;
    private final Predicate<InetAddress> loopback;

    @Autowired
    public ControlAccessPolicy(AgentProperties properties) {
        this(properties, InetAddress::isLoopbackAddress);
    }

    /**
     * {@code loopback} says which callers are this machine; tests narrow it (to 127.0.0.1) so that
     * another loopback address can play a caller from elsewhere.
     */
    ControlAccessPolicy(AgentProperties properties, Predicate<InetAddress> loopback) {
        this.loopback = loopback;
        AgentProperties.Control control = properties.control();
        this.allowed = control.allowedAddresses().stream().map(AddressRange::parse).toList();
        String apiToken = control.apiToken();
        this.token = apiToken == null || apiToken.isBlank() ? null : apiToken.getBytes(StandardCharsets.UTF_8);
        this.trustLoopback = control.trustLoopback();
    }

    public Decision check(InetAddress caller, String presentedToken) {
        if (trustLoopback && loopback.test(caller)) {
            return new Decision(true, "loopback");
        }
        return checkToken(caller, presentedToken);
    }

    /**
     * The token check alone, as a login does it: even a trusted loopback caller only gets a
     * session with the right token.
     */
    public Decision checkToken(InetAddress caller, String presentedToken) {
        Decision address = checkAddress(caller);
        if (!address.allowed()) {
            return address;
        }
        if (presentedToken == null) {
            return new Decision(false, "missing API token: send 'Authorization: Bearer <token>' or log in at /login");
        }
        // constant-time: response time must not tell how many leading characters were right
        if (!MessageDigest.isEqual(token, presentedToken.getBytes(StandardCharsets.UTF_8))) {
            return new Decision(false, "wrong API token");
        }
        return new Decision(true, "token");
    }

    /** A browser that presents a session cookie: the same address rule as for the token. */
    public Decision checkSession(InetAddress caller, boolean validSession) {
        if (trustLoopback && loopback.test(caller)) {
            return new Decision(true, "loopback");
        }
        Decision address = checkAddress(caller);
        if (!address.allowed()) {
            return address;
        }
        return validSession ? new Decision(true, "session")
                : new Decision(false, "the web session expired or is not valid: log in again at /login");
    }

    private Decision checkAddress(InetAddress caller) {
        if (token == null) {
            return new Decision(false, "remote control is disabled: no p2pnet.agent.control.api-token is configured");
        }
        if (!loopback.test(caller) && allowed.stream().noneMatch(range -> range.contains(caller))) {
            return new Decision(false, "address " + caller.getHostAddress() + " is not in p2pnet.agent.control.allowed-addresses");
        }
        return new Decision(true, "address");
    }
}
