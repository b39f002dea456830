package net.p2pnet.agent.transfer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Upload side of the transfer port ({@code p2pnet.agent.upload.*}), MLdonkey's upload slots: at most
 * {@code slots} piece or range requests are served at once; up to {@code queue} more wait up to
 * {@code queueWaitSeconds}; beyond that, or after the wait, the answer is 503 with {@code Retry-After}.
 *
 * @param slots            concurrent uploads
 * @param queue            requests allowed to wait for a slot
 * @param queueWaitSeconds how long a queued request waits before it is told to come back later
 * @param bindAddress      address the transfer port listens on (all interfaces by default: peers connect to it)
 */
@Validated
@ConfigurationProperties("p2pnet.agent.upload")
public record TransferProperties(@DefaultValue("16") @Min(1) @Max(1024) int slots,
                                 @DefaultValue("32") @Min(0) @Max(4096) int queue,
                                 @DefaultValue("5") @Min(0) @Max(300) int queueWaitSeconds,
                                 @DefaultValue("0.0.0.0") String bindAddress) {
}
