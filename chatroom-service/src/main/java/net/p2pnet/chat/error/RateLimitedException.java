package net.p2pnet.chat.error;

import java.time.Duration;
import java.util.Map;
import net.p2pnet.model.api.RequestRefused;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A member wrote faster than a token bucket allows; {@link #retryAfterSeconds()} says when to try again. */
public class RateLimitedException extends RequestRefused {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        this("posting too fast", "before the next message (per-member rate limit)", retryAfter);
    }

    /** Detail: {@code what + ": wait N s " + until}. */
    public RateLimitedException(String what, String until, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS.value(), null, what + ": wait " + retryAfterSeconds(retryAfter) + " s " + until,
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter))));
        this.retryAfter = retryAfter;
    }

    private static long retryAfterSeconds(Duration retryAfter) {
        return Math.max(1, retryAfter.toSeconds() + 1);
    }

    /** Whole seconds to wait, rounded up, at least one (the {@code Retry-After} value). */
    public long retryAfterSeconds() {
        return retryAfterSeconds(retryAfter);
    }
}
