package net.p2pnet.rendezvous.whoami;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.p2pnet.model.api.ObservedAddress;
import net.p2pnet.rendezvous.config.RendezvousProperties;
import org.springframework.stereotype.Component;

/**
 * The caller's public address, as HeavyMole's servers told clients for NAT detection. The TCP peer
 * address is the truth unless it is a configured trusted proxy; then {@code X-Forwarded-For} is
 * read from the right, skipping further trusted proxies, because only the entries our proxies
 * appended can be believed (a client can write anything at the left).
 */
@Component
public class ClientAddressResolver {

    private final Set<InetAddress> trustedProxies;

    public ClientAddressResolver(RendezvousProperties properties) {
        this.trustedProxies = properties.trustedProxyAddresses().stream().collect(Collectors.toUnmodifiableSet());
    }

    public ObservedAddress resolve(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!isTrusted(remote)) {
            return new ObservedAddress(normalise(remote), request.getRemotePort());
        }
        List<String> forwarded = Collections.list(request.getHeaders("X-Forwarded-For")).stream()
                .flatMap(h -> Arrays.stream(h.split(","))).map(String::strip).toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i);
            if (!isIpLiteral(hop)) {
                break;
            }
            if (!isTrusted(hop)) {
                return new ObservedAddress(normalise(hop), forwardedPort(request));
            }
        }
        return new ObservedAddress(normalise(remote), request.getRemotePort());
    }

    private int forwardedPort(HttpServletRequest request) {
        String port = request.getHeader("X-Forwarded-Port");
        return port != null && port.matches("\\d{1,5}") && Integer.parseInt(port) <= 65535 ? Integer.parseInt(port) : 0;
    }

    private boolean isTrusted(String ip) {
        InetAddress address = parse(ip);
        return address != null && trustedProxies.contains(address);
    }

    private static boolean isIpLiteral(String text) {
        return parse(text) != null;
    }

    /** One spelling per address ({@code 0:0:0:0:0:0:0:1} and {@code ::1} are the same peer). */
    private static String normalise(String ip) {
        InetAddress address = parse(ip);
        return address == null ? ip : address.getHostAddress();
    }

    /** The address of an IP literal, or null for anything else (host names are never looked up). */
    private static InetAddress parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45 || !text.matches("[0-9a-fA-F.:]+")
                || (text.indexOf(':') < 0 && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
