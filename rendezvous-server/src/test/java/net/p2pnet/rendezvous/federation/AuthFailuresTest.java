package net.p2pnet.rendezvous.federation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.p2pnet.model.crypto.VerificationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Hellos naming a fresh made-up initiator each time are all counted but do not write a log line each. */
class AuthFailuresTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(AuthFailures.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void aThousandMadeUpAddressesAreCountedButLoggedOnlyUpToTheBudget() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AuthFailures failures = new AuthFailures(meters);
        VerificationException wrongNetwork = new VerificationException(VerificationException.Reason.WRONG_NETWORK, "no");
        for (int i = 0; i < 1000; i++) {
            failures.record("10.0." + (i / 250) + "." + (i % 250) + ":8700", wrongNetwork);
        }
        failures.record("10.0.0.0:8700", wrongNetwork); // already logged: never again
        assertThat(meters.get("p2pnet.federation.auth.failures").tag("reason", "wrong_network").counter().count())
                .isEqualTo(1001);
        assertThat(lines.list).hasSize(AuthFailures.NEW_LINES_PER_MINUTE);
        assertThat(lines.list.getFirst().getFormattedMessage()).contains("10.0.0.0:8700");
    }
}
