package net.p2pnet.chat.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void doublesThePauseAfterEachFailureUpToFiveMinutesAndResetsOnSuccess() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5));
        assertThat(backoff.ready(0)).isTrue();
        assertThat(backoff.failed(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.ready(9 * SECOND)).isFalse();
        assertThat(backoff.ready(10 * SECOND)).isTrue();
        assertThat(backoff.failed(10 * SECOND)).isEqualTo(Duration.ofSeconds(20));
        for (int i = 0; i < 20; i++) {
            backoff.failed(0);
        }
        assertThat(backoff.failed(0)).isEqualTo(Backoff.MAX);
        backoff.succeeded();
        assertThat(backoff.ready(0)).isTrue();
        assertThat(backoff.failures()).isZero();
    }
}
