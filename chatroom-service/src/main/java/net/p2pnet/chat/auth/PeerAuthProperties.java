package net.p2pnet.chat.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Checks of the requests peers sign with their own key ({@code p2pnet.chatroom.peer-auth.*}).
 *
 * @param maxClockSkew    how far a signed request's timestamp may be from our clock, either way
 * @param replayCacheSize most request nonces remembered to refuse replays
 */
@ConfigurationProperties("p2pnet.chatroom.peer-auth")
public record PeerAuthProperties(
        @DefaultValue("2m") Duration maxClockSkew,
        @DefaultValue("100000") int replayCacheSize) {

    public PeerAuthProperties {
        if (maxClockSkew == null || maxClockSkew.toSeconds() < 1) {
            throw new IllegalArgumentException("p2pnet.chatroom.peer-auth.max-clock-skew must be at least 1s");
        }
        if (replayCacheSize < 1000) {
            throw new IllegalArgumentException("p2pnet.chatroom.peer-auth.replay-cache-size must be at least 1000");
        }
    }
}
