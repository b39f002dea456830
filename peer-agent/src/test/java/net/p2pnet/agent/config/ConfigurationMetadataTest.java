package net.p2pnet.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The build writes the metadata IDEs complete p2pnet.* from (spring-boot-configuration-processor). */
class ConfigurationMetadataTest {

    @Test
    void theAgentsPropertiesAreDescribed() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(metadata).contains("\"p2pnet.agent.join-key\"").contains("\"p2pnet.agent.control.api-token\"")
                    .contains("\"p2pnet.agent.transfer-port\"");
        }
    }
}
