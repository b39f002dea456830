package net.p2pnet.agent.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import net.p2pnet.agent.config.AgentProperties;
import org.springframework.stereotype.Component;

/**
 * Which {@code Host} headers name this agent. DNS rebinding makes a browser send a page's own host
 * name ({@code Host: attacker.example}) to the agent's address, so only names the agent knows are
 * accepted: {@code localhost}, {@code p2pnet.agent.control.allowed-hosts}, and IP literals. An IP
 * literal is safe because a page served from an IP address is that address's own origin: no DNS
 * answer can change what it points to.
 */
@Component
class AllowedHosts {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private final Set<String> names;

    AllowedHosts(AgentProperties properties) {
        names = new HashSet<>(properties.control().allowedHosts());
        names.add("localhost");
    }

    /** True when {@code hostHeader} ({@code name[:port]}, {@code [v6][:port]}) is one of the agent's names. */
    boolean allows(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host;
        String rest;
        if (hostHeader.startsWith("[")) {
            int close = hostHeader.indexOf(']');
            if (close < 0) {
                return false;
            }
            host = hostHeader.substring(0, close + 1);
            rest = hostHeader.substring(close + 1);
        } else {
            int colon = hostHeader.indexOf(':');
            host = colon < 0 ? hostHeader : hostHeader.substring(0, colon);
            rest = colon < 0 ? "" : hostHeader.substring(colon);
        }
        if (!rest.isEmpty() && !(rest.startsWith(":") && PORT.matcher(rest.substring(1)).matches())) {
            return false;
        }
        return isIpLiteral(host) || names.contains(host.toLowerCase(Locale.ROOT));
    }

    private static boolean isIpLiteral(String host) {
        if (IPV4.matcher(host).matches()) {
            return true;
        }
        if (host.length() < 4 || !host.startsWith("[") || !host.endsWith("]")) {
            return false;
        }
        String inner = host.substring(1, host.length() - 1);
        if (!IPV6_CHARACTERS.matcher(inner).matches() || inner.indexOf(':') < 0) {
            return false;
        }
        try {
            InetAddress.getByName(inner); // with a colon in it the JDK parses a literal, never asks DNS
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
