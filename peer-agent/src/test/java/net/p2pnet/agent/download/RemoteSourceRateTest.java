package net.p2pnet.agent.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** A source's rate is what it delivered over its last few samples, and falls to 0 when it stops. */
class RemoteSourceRateTest {

    private static final long SECOND = 1000; // the engine clock's millis

    @Test
    void rateFollowsTheLastFewSecondsAndDropsToZeroWhenTheSourceStops() {
        RemoteSource source = RemoteSource.peer(SourceEndpoint.p2pnet(new InetSocketAddress("127.0.0.1", 6881)));
        source.sampleRate(0);
        assertThat(source.view().rate()).isZero();

        source.received(1_000_000);
        source.sampleRate(SECOND);
        assertThat(source.view().rate()).isEqualTo(1_000_000);

        source.received(3_000_000);
        source.sampleRate(2 * SECOND);
        assertThat(source.view().rate()).isEqualTo(2_000_000); // 4 MB over 2 s

        for (int second = 3; second <= 6; second++) {
            source.sampleRate(second * SECOND);
        }
        assertThat(source.view().rate()).isZero();
        assertThat(source.view().bytes()).isEqualTo(4_000_000);
    }
}
