package net.p2pnet.agent.transfer;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the transfer port of a private network checks that a caller holds the key its ticket is bound
 * to ({@code p2pnet.agent.peer-proof.*}).
 *
 * @param challengeTtl    how long a challenge nonce handed out in a 401 may be answered
 * @param maxClockSkew    how far the timestamp of a signed answer may be from our clock, either way
 * @param replayCacheSize most signature nonces remembered to refuse replays
 */
@Validated
@ConfigurationProperties("p2pnet.agent.peer-proof")
public record PeerProofProperties(@DefaultValue("2m") Duration challengeTtl,
                                  @DefaultValue("2m") Duration maxClockSkew,
                                  @DefaultValue("100000") @Min(1000) int replayCacheSize) {

    public PeerProofProperties {
        if (challengeTtl.toSeconds() < 1 || maxClockSkew.toSeconds() < 1) {
            throw new IllegalArgumentException("p2pnet.agent.peer-proof durations must be at least 1s");
        }
    }
}
