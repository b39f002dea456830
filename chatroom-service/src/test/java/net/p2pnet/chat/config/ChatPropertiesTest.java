package net.p2pnet.chat.config;

import net.p2pnet.support.network.NetworkProperties;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** {@code p2pnet.chatroom.*} and {@code p2pnet.network.*} are checked when the service starts. */
class ChatPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Bind.class)
            .withPropertyValues("p2pnet.network.secret=test-network-secret-0123456789");

    @Test
    void defaultsAreUsable() {
        runner.run(context -> {
            ChatProperties properties = context.getBean(ChatProperties.class);
            assertThat(properties.rendezvousUrls()).isEmpty();
            assertThat(properties.presenceTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.rateLimit().burst()).isEqualTo(20);
        });
    }

    @Test
    void aZeroDurationStopsTheStartWithTheReason() {
        runner.withPropertyValues("p2pnet.chatroom.presence-timeout=0s").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("durations must be positive"));
    }

    @Test
    void urlsThatAreNotHttpStopTheStart() {
        runner.withPropertyValues("p2pnet.chatroom.public-url=chat.example.org:8800").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("public-url must be absolute"));
        runner.withPropertyValues("p2pnet.chatroom.rendezvous-urls=http://ok:8700,/relative").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("rendezvous-urls must be absolute"));
    }

    @Test
    void aZeroBurstIsRefused() {
        runner.withPropertyValues("p2pnet.chatroom.rate-limit.burst=0").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("rateLimit.burst"));
    }

    @Test
    void aWeakNetworkSecretStopsTheStart() {
        runner.withPropertyValues("p2pnet.network.secret=changeme").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("well-known default"));
    }

    @Configuration
    @EnableConfigurationProperties({ChatProperties.class, NetworkProperties.class})
    static class Bind {
    }
}
