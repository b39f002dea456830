package net.p2pnet.agent.network;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the agent keeps in touch with the rendezvous network ({@code p2pnet.agent.rendezvous.*}).
 *
 * @param heartbeatInterval how often the agent says it is alive (and learns its observed address);
 *                          servers expire peers that miss a few
 * @param retryInterval     how long to wait before trying the servers again when none answered
 */
@ConfigurationProperties("p2pnet.agent.rendezvous")
public record RendezvousProperties(@DefaultValue("30s") Duration heartbeatInterval,
                                   @DefaultValue("5s") Duration retryInterval) {
    public RendezvousProperties {
        if (!heartbeatInterval.isPositive() || !retryInterval.isPositive()) {
            throw new IllegalArgumentException("p2pnet.agent.rendezvous intervals must be positive");
        }
    }
}
