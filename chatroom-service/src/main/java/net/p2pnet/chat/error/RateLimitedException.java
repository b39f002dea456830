package net.p2pnet.chat.error;

import java.time.Duration;
import net.p2pnet.model.api.RequestRefused;
import org.springframework.http.HttpStatus;

/** A member posted faster than the token bucket allows; {@link #retryAfter()} says when to try again. */
public class RateLimitedException extends RequestRefused {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS.value(), "posting too fast: wait " + Math.max(1, retryAfter.toSeconds() + 1)
                + " s before the next message (per-member rate limit)");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
