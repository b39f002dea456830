package net.p2pnet.agent.transfer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one client may hold of the transfer port ({@code p2pnet.agent.transfer.*}): the port faces
 * the network, so sockets, threads and time are budgeted per connection and per address. Slow
 * clients (one byte of a request every 20 s, a download never read) once held every connection
 * and locked out real downloaders.
 *
 * @param maxConnections           open connections in all
 * @param maxConnectionsPerAddress open connections from one IP address; more are closed at once
 *                                 (an agent downloading from us uses about 5)
 * @param headTimeout              the whole request head must arrive within this, from its first byte
 * @param idleTimeout              a keep-alive connection with no new request for this long is closed
 * @param writeTimeout             a block of an answer (up to 256 KiB) the client does not take within
 *                                 this ends the connection
 */
@Validated
@ConfigurationProperties("p2pnet.agent.transfer")
public record TransferLimits(@DefaultValue("1024") @Min(1) @Max(65536) int maxConnections,
                             @DefaultValue("64") @Min(1) @Max(65536) int maxConnectionsPerAddress,
                             @DefaultValue("10s") Duration headTimeout,
                             @DefaultValue("30s") Duration idleTimeout,
                             @DefaultValue("60s") Duration writeTimeout) {

    public TransferLimits {
        positive("head-timeout", headTimeout);
        positive("idle-timeout", idleTimeout);
        positive("write-timeout", writeTimeout);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("p2pnet.agent.transfer." + name + " must be a positive duration, was "
                    + value);
        }
    }
}
