package net.p2pnet.rendezvous.config;

import java.time.Clock;
import java.time.Duration;
import net.p2pnet.model.limit.TokenBuckets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-source budgets of the client API ({@code p2pnet.rendezvous.budget.*}): token buckets keyed by
 * the caller's address (IPv6 by its /64, which one subscriber usually holds whole).
 *
 * @param registrations {@code POST /api/v1/peers}: every registration becomes a directory entry on
 *                      every server of the network
 * @param lookups       friend lookups, neighbour samples and room listings ({@code GET /api/v1/peers/**},
 *                      {@code GET /api/v1/rooms/**}): addresses of members, or the whole room directory
 * @param maxSources    source addresses with a bucket of their own at once; beyond it, new ones share one
 *
 * <p>Defaults: registrations 30 at once then 30 a minute (an office restarting its agents behind one
 * NAT address), lookups 120 at once then 20 a second. A budget set in the configuration needs all
 * three of burst, refill and period.
 */
@ConfigurationProperties("p2pnet.rendezvous.budget")
public record ClientBudgetProperties(
        Budget registrations,
        Budget lookups,
        @DefaultValue("100000") int maxSources) {

    /** {@code burst} requests at once, then {@code refill} per {@code period}. */
    public record Budget(int burst, int refill, Duration period) {

        public Budget {
            if (burst < 1 || refill < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("p2pnet.rendezvous.budget.*: burst and refill must be at least 1 "
                        + "and the period positive, got " + burst + "/" + refill + "/" + period);
            }
        }
    }

    public ClientBudgetProperties {
        registrations = registrations != null ? registrations : new Budget(30, 30, Duration.ofMinutes(1));
        lookups = lookups != null ? lookups : new Budget(120, 20, Duration.ofSeconds(1));
        if (maxSources < 1) {
            throw new IllegalArgumentException("p2pnet.rendezvous.budget.max-sources must be at least 1");
        }
    }

    public TokenBuckets buckets(Budget budget, Clock clock) {
        return new TokenBuckets(budget.burst(), budget.refill(), budget.period(), clock, maxSources);
    }
}
