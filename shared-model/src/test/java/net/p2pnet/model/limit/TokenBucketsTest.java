package net.p2pnet.model.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private Instant now = Instant.parse("2026-05-01T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    @Test
    void aKeyGetsItsBurstThenWaitsForTheRefillWhileOtherKeysKeepTheirs() {
        TokenBuckets buckets = new TokenBuckets(3, 1, Duration.ofSeconds(10), clock, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryConsume("a")).isEmpty();
        }
        assertThat(buckets.tryConsume("a")).hasValueSatisfying(wait -> assertThat(wait)
                .isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10)));
        assertThat(buckets.tryConsume("b")).isEmpty();
        now = now.plusSeconds(10);
        assertThat(buckets.tryConsume("a")).isEmpty();
        assertThat(buckets.tryConsume("a")).isPresent();
    }

    @Test
    void newKeysBeyondTheTableShareOneBucketAndKnownKeysKeepTheirOwn() {
        TokenBuckets buckets = new TokenBuckets(2, 1, Duration.ofMinutes(1), clock, 3);
        assertThat(buckets.tryConsume("known")).isEmpty();
        for (int i = 0; i < 1000; i++) {
            buckets.tryConsume("flood-" + i);
        }
        assertThat(buckets.size()).isLessThanOrEqualTo(4);
        assertThat(buckets.tryConsume("known")).isEmpty();
        assertThat(buckets.tryConsume("another-new-one")).isPresent(); // the shared bucket is empty
    }

    @Test
    void fullBucketsAreDropped() {
        TokenBuckets buckets = new TokenBuckets(2, 1, Duration.ofSeconds(1), clock, 100);
        buckets.tryConsume("a");
        buckets.tryConsume("b");
        now = now.plusSeconds(5);
        buckets.dropIdle();
        assertThat(buckets.size()).isZero();
    }
}
