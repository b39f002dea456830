package net.p2pnet.rendezvous.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.limit.TokenBuckets;
import net.p2pnet.rendezvous.config.ClientBudgetProperties;
import net.p2pnet.rendezvous.whoami.ClientAddressResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses, with 429 and {@code Retry-After}, a source address that registers peers or looks up
 * members and rooms faster than its budget ({@link ClientBudgetProperties}); every other source keeps
 * its own. The address is the one {@code /whoami} reports (trusted proxies honoured).
 */
@Component
public class ClientBudget implements HandlerInterceptor {

    private final ClientAddressResolver addresses;
    private final TokenBuckets registrations;
    private final TokenBuckets lookups;

    public ClientBudget(ClientAddressResolver addresses, ClientBudgetProperties properties, Clock clock) {
        this.addresses = addresses;
        this.registrations = properties.buckets(properties.registrations(), clock);
        this.lookups = properties.buckets(properties.lookups(), clock);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String path = request.getRequestURI();
        if ("POST".equals(request.getMethod()) && path.equals("/api/v1/peers")) {
            take(registrations, request, response, "peer registrations", "p2pnet.rendezvous.budget.registrations");
        } else if ("GET".equals(request.getMethod())
                && (path.startsWith("/api/v1/peers") || path.startsWith("/api/v1/rooms"))) {
            take(lookups, request, response, "lookups of peers and rooms", "p2pnet.rendezvous.budget.lookups");
        }
        return true;
    }

    private void take(TokenBuckets buckets, HttpServletRequest request, HttpServletResponse response, String what,
            String property) {
        buckets.tryConsume(source(addresses.resolve(request).address())).ifPresent(wait -> {
            long seconds = seconds(wait);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            throw new RequestRefused(429, "too many " + what + " from your address: wait " + seconds
                    + " s (" + property + ")");
        });
    }

    /** The budget's key: an IPv4 address, or the /64 prefix of an IPv6 address. */
    static String source(String ip) {
        try {
            byte[] bytes = InetAddress.getByName(ip).getAddress();
            if (bytes.length != 16) {
                return ip;
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return ip;
        }
    }

    private static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + 1);
    }

    @Scheduled(fixedDelay = 60_000)
    void dropIdleBuckets() {
        registrations.dropIdle();
        lookups.dropIdle();
    }
}
