package net.p2pnet.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ConnectionQuotaTest {

    private final InetAddress a = InetAddress.getLoopbackAddress();
    private final InetAddress b = loopback(2);
    private final InetAddress c = loopback(3);

    @Test
    void oneAddressGetsItsShareAndOthersKeepTheirs() {
        ConnectionQuota quota = new ConnectionQuota(5, 2);
        assertThat(quota.tryAcquire(a)).isTrue();
        assertThat(quota.tryAcquire(a)).isTrue();
        assertThat(quota.tryAcquire(a)).as("third from one address").isFalse();
        assertThat(quota.tryAcquire(b)).isTrue();
        assertThat(quota.open()).isEqualTo(3);
        quota.release(a);
        assertThat(quota.tryAcquire(a)).as("a released place is free again").isTrue();
    }

    @Test
    void theTotalHoldsWhateverTheAddresses() {
        ConnectionQuota quota = new ConnectionQuota(3, 2);
        assertThat(quota.tryAcquire(a)).isTrue();
        assertThat(quota.tryAcquire(a)).isTrue();
        assertThat(quota.tryAcquire(b)).isTrue();
        assertThat(quota.tryAcquire(c)).as("server full").isFalse();
        assertThat(quota.open()).isEqualTo(3);
        quota.release(b);
        assertThat(quota.tryAcquire(c)).isTrue();
    }

    private static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
