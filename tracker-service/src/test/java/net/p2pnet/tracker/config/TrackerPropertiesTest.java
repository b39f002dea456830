package net.p2pnet.tracker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.junit.jupiter.api.Test;

class TrackerPropertiesTest {

    private static TrackerProperties with(Duration interval, Duration minInterval, int defaultNumwant, int maxNumwant,
                                          int maxSwarms, int udpPort) {
        return new TrackerProperties(TrackerProperties.Mode.OPEN, interval, minInterval, defaultNumwant, maxNumwant,
                maxSwarms, 100, 1000, true, false, null, Duration.ofSeconds(10), Duration.ofSeconds(30),
                new TrackerProperties.Udp(true, udpPort), new TrackerProperties.Quotas(100, 1000, Duration.ofMinutes(1)),
                DataSize.ofKilobytes(64), null);
    }

    @Test
    void badValuesStopTheServiceWithAReasonNamingTheProperty() {
        assertThatThrownBy(() -> with(Duration.ofMinutes(5), Duration.ofMinutes(10), 50, 200, 10, 0))
                .hasMessageStartingWith("p2pnet.tracker.min-interval must be between 0 and interval");
        assertThatThrownBy(() -> with(Duration.ofMinutes(5), Duration.ZERO, 300, 200, 10, 0))
                .hasMessageStartingWith("p2pnet.tracker.default-numwant must be between 0 and max-numwant");
        assertThatThrownBy(() -> with(Duration.ofMinutes(5), Duration.ZERO, 50, 200, 0, 0))
                .hasMessageStartingWith("p2pnet.tracker.max-swarms must be at least 1");
        assertThatThrownBy(() -> with(Duration.ofMillis(10), Duration.ZERO, 50, 200, 10, 0))
                .hasMessageStartingWith("p2pnet.tracker.interval must be at least 1s");
        assertThatThrownBy(() -> with(Duration.ofMinutes(5), Duration.ZERO, 50, 200, 10, 70000))
                .hasMessageStartingWith("p2pnet.tracker.udp.port must be 0..65535");
    }

    @Test
    void peersTimeOutAfterTwoIntervals() {
        assertThat(with(Duration.ofMinutes(30), Duration.ofMinutes(5), 50, 200, 10, 0).peerTimeout())
                .isEqualTo(Duration.ofMinutes(60));
    }
}
