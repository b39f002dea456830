package net.p2pnet.agent.control;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The agent's own configuration on Kubernetes: forwarded-header handling is off. */
@Import(ForwardedHeadersCheck.OnlyOneLoopbackAddress.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.data-dir=./target/test-data/${random.uuid}", "p2pnet.agent.transfer-port=0",
        "spring.main.cloud-platform=kubernetes", "p2pnet.agent.control.api-token=" + ForwardedHeadersCheck.TOKEN})
class ForwardedHeadersOnKubernetesTest extends ForwardedHeadersCheck {

    @Override
    boolean remoteIpValveExpected() {
        return false;
    }
}
