package net.p2pnet.agent.upstream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the agent keeps in touch with the rendezvous network ({@code p2pnet.agent.rendezvous.*}).
 *
 * @param heartbeatInterval how often the agent says it is alive (and learns its observed address);
 *                          servers expire peers that miss a few
 * @param retryInterval     how long to wait before trying the servers again when none answered
 * @param ticketClockSkew   how long after its expiry another agent's peer ticket is still accepted,
 *                          because the issuing server's clock and ours differ a little
 */
@ConfigurationProperties("p2pnet.agent.rendezvous")
public record RendezvousProperties(@DefaultValue("30s") Duration heartbeatInterval,
                                   @DefaultValue("5s") Duration retryInterval,
                                   @DefaultValue("2m") Duration ticketClockSkew) {
    public RendezvousProperties {
        if (!heartbeatInterval.isPositive() || !retryInterval.isPositive()) {
            throw new IllegalArgumentException("p2pnet.agent.rendezvous intervals must be positive");
        }
        if (ticketClockSkew.isNegative()) {
            throw new IllegalArgumentException("p2pnet.agent.rendezvous.ticket-clock-skew must not be negative");
        }
    }
}
