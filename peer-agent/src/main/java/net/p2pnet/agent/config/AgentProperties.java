package net.p2pnet.agent.config;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of one peer agent ({@code p2pnet.agent.*}). The agent never holds the network secret:
 * it joins with the join key and receives a peer ticket.
 *
 * @param name          how this agent calls itself on the network (default: the host name)
 * @param serversFile   HeavyMole {@code HMDDATA}-style SERVERS file of rendezvous servers to join
 * @param trackerUrl    announce URL of the network's tracker
 * @param joinKey       the network's join key (private networks); with it the transfer port serves
 *                      only holders of a peer ticket of the network
 * @param ticketKey     the network's ticket public key ({@code --print-identity} of a rendezvous
 *                      server shows it), to pin it up front instead of trusting the first server
 *                      that vouches for it with the join key
 * @param sharedDirs    directories whose files are shared
 * @param downloadDir   where finished downloads land
 * @param transferPort  peer-to-peer port (HTTP transfer protocol); 0 = random
 * @param rate          bandwidth limits (0 = none), changeable at run time through the API
 * @param control       who may use the control API
 */
@ConfigurationProperties("p2pnet.agent")
public record AgentProperties(
        String name,
        Path serversFile,
        String trackerUrl,
        String joinKey,
        String ticketKey,
        @DefaultValue List<Path> sharedDirs,
        @DefaultValue("./downloads") Path downloadDir,
        @DefaultValue("6881") int transferPort,
        @DefaultValue Rate rate,
        @DefaultValue Control control) {

    public AgentProperties {
        if (transferPort < 0 || transferPort > 65535) {
            throw new IllegalArgumentException("p2pnet.agent.transfer-port must be 0..65535, was " + transferPort);
        }
    }

    /** Limits in bytes per second; {@code 0} means unlimited. */
    public record Rate(@DefaultValue("0") DataSize download, @DefaultValue("0") DataSize upload) {
    }

    /**
     * The control port listens on loopback by default ({@code server.address}); callers from other
     * addresses need both an address in {@code allowedAddresses} (IPs or CIDR ranges) and the API token.
     * {@code trustLoopback=false} makes loopback callers present the token too (shared hosts, tests).
     */
    public record Control(String apiToken, @DefaultValue List<String> allowedAddresses,
                          @DefaultValue("true") boolean trustLoopback) {
    }
}
