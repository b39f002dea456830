package net.p2pnet.support.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration MAX = Duration.ofMinutes(5);

    @Test
    void doublesThePauseAfterEachFailureUpToTheMaximumAndResetsOnSuccess() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), MAX);
        assertThat(backoff.ready(T0)).isTrue();
        assertThat(backoff.failed(T0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.ready(T0.plusSeconds(9))).isFalse();
        assertThat(backoff.ready(T0.plusSeconds(10))).isTrue();
        assertThat(backoff.failed(T0.plusSeconds(10))).isEqualTo(Duration.ofSeconds(20));
        for (int i = 0; i < 40; i++) {
            backoff.failed(T0);
        }
        assertThat(backoff.failed(T0)).isEqualTo(MAX);
        backoff.succeeded();
        assertThat(backoff.ready(T0)).isTrue();
        assertThat(backoff.failures()).isZero();
    }

    @Test
    void retryNowEndsThePauseButKeepsCountingFailures() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), MAX);
        backoff.failed(T0);
        backoff.failed(T0);
        backoff.retryNow();
        assertThat(backoff.ready(T0)).isTrue();
        assertThat(backoff.failed(T0)).isEqualTo(Duration.ofSeconds(4));
    }
}
