package net.p2pnet.agent.control;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Someone turns Tomcat's forwarded-header handling on anyway: the access filter still judges the
 * socket's address ({@link PeerAddressValve}).
 */
@Import(ForwardedHeadersCheck.OnlyOneLoopbackAddress.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.data-dir=./target/test-data/${random.uuid}", "p2pnet.agent.transfer-port=0",
        "spring.main.cloud-platform=kubernetes", "server.forward-headers-strategy=native",
        "p2pnet.agent.control.api-token=" + ForwardedHeadersCheck.TOKEN})
class ForwardedHeadersTurnedOnTest extends ForwardedHeadersCheck {

    @Override
    boolean remoteIpValveExpected() {
        return true;
    }
}
