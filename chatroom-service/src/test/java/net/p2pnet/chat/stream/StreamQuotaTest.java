package net.p2pnet.chat.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.p2pnet.model.api.RequestRefused;
import org.junit.jupiter.api.Test;

class StreamQuotaTest {

    private final StreamQuota quota = new StreamQuota(2, 3);

    @Test
    void perMemberAndTotalLimitsRefuseWith429AndReleasingFreesAPlace() {
        quota.acquire("a");
        quota.acquire("a");
        assertRefused("a", "2 event streams open");
        quota.acquire("b");
        assertRefused("c", "3 event streams open"); // the total, though c has none
        quota.release("a");
        assertThat(quota.open("a")).isEqualTo(1);
        quota.acquire("c");
        assertRefused("b", "quota.streams");
        quota.release("a");
        quota.release("b");
        quota.release("c");
        assertThat(quota.open("a")).isZero();
        quota.acquire("a");
        quota.acquire("a");
    }

    private void assertRefused(String peer, String detail) {
        assertThatThrownBy(() -> quota.acquire(peer)).isInstanceOf(RequestRefused.class).hasMessageContaining(detail)
                .extracting(e -> ((RequestRefused) e).status()).isEqualTo(429);
    }
}
