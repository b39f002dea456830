package net.p2pnet.agent.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import net.p2pnet.model.crypto.NetworkSecrets;
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
 *                      only holders of a peer ticket of the network. A placeholder or predictable key
 *                      (NetworkSecrets#keyWeakness) stops the start, as does such an API token
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
        NetworkSecrets.requireUsableKey("p2pnet.agent.join-key", joinKey);
    }

    /** Limits in bytes per second; {@code 0} means unlimited. */
    public record Rate(@DefaultValue("0") DataSize download, @DefaultValue("0") DataSize upload) {
    }

    /**
     * The control port listens on loopback by default ({@code server.address}); callers from other
     * addresses need both an address in {@code allowedAddresses} (IPs or CIDR ranges) and the API token.
     * {@code trustLoopback=false} makes loopback callers present the token too (shared hosts, tests).
     * {@code allowedHosts} are the host names (besides {@code localhost} and IP literals) a request's
     * {@code Host} header may carry, against DNS rebinding; {@code maxBodySize} caps every request
     * body that is not a multipart upload (those have {@code spring.servlet.multipart.*}).
     */
    public record Control(String apiToken, @DefaultValue List<String> allowedAddresses,
                          @DefaultValue("true") boolean trustLoopback, @DefaultValue List<String> allowedHosts,
                          @DefaultValue("1MB") DataSize maxBodySize) {

        public Control {
            NetworkSecrets.requireUsableKey("p2pnet.agent.control.api-token", apiToken);
            for (String host : allowedHosts) {
                // a bare DNS name: no port, scheme, path or wildcard, so matching is plain equality
                if (!host.matches("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*")) {
                    throw new IllegalArgumentException("p2pnet.agent.control.allowed-hosts: '" + host
                            + "' is not a host name (no port, scheme or wildcard)");
                }
            }
            allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (maxBodySize.toBytes() <= 0 || maxBodySize.toBytes() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("p2pnet.agent.control.max-body-size must be 1B..2GB, was " + maxBodySize);
            }
        }
    }
}
