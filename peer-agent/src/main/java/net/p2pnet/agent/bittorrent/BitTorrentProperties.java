package net.p2pnet.agent.bittorrent;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The BitTorrent peer wire listener ({@code p2pnet.agent.bittorrent.*}).
 *
 * @param enabled                  whether the agent listens for and makes BitTorrent connections
 * @param port                     listen port; -1 = the transfer port + 10 (random when the transfer port is 0)
 * @param bindAddress              address the listener binds to
 * @param maxConnections           live connections in total
 * @param maxConnectionsPerTorrent live connections per info-hash
 * @param unchokeSlots             peers unchoked by rate (one optimistic unchoke comes on top)
 * @param maxConnectionsPerAddress live connections from one IP address (incoming ones are refused beyond it)
 * @param maxHandshakes            incoming connections still in their handshake (at most a quarter from one
 *                                 address); each must finish it within 10 s
 */
@Validated
@ConfigurationProperties("p2pnet.agent.bittorrent")
public record BitTorrentProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("-1") @Min(-1) @Max(65535) int port,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("200") @Min(1) int maxConnections,
        @DefaultValue("50") @Min(1) int maxConnectionsPerTorrent,
        @DefaultValue("4") @Min(1) int unchokeSlots,
        @DefaultValue("32") @Min(1) int maxConnectionsPerAddress,
        @DefaultValue("64") @Min(1) int maxHandshakes) {

    /** The port to bind, given the configured transfer port. */
    int listenPort(int transferPort) {
        if (port >= 0) {
            return port;
        }
        if (transferPort == 0) {
            return 0;
        }
        if (transferPort + 10 > 65535) {
            throw new IllegalArgumentException("p2pnet.agent.bittorrent.port defaults to the transfer port + 10, but "
                    + transferPort + " + 10 is not a port; set p2pnet.agent.bittorrent.port");
        }
        return transferPort + 10;
    }
}
