package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import net.p2pnet.agent.config.AgentProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ControlAccessPolicyTest {

    private static ControlAccessPolicy policy(String token, List<String> allowed, boolean trustLoopback) {
        return new ControlAccessPolicy(new AgentProperties("a", null, null, null, null, List.of(), Path.of("d"), 0,
                new AgentProperties.Rate(DataSize.ofBytes(0), DataSize.ofBytes(0)),
                new AgentProperties.Control(token, allowed, trustLoopback, List.of(), DataSize.ofMegabytes(1))));
    }

    @Test
    void loopbackIsTrustedByDefault() throws Exception {
        assertThat(policy(null, List.of(), true).check(InetAddress.getByName("127.0.0.1"), null).allowed()).isTrue();
        assertThat(policy(null, List.of(), true).check(InetAddress.getByName("::1"), null).allowed()).isTrue();
    }

    @Test
    void remoteCallersAreRefusedWithoutAConfiguredToken() throws Exception {
        var decision = policy(null, List.of("10.0.0.0/8"), true).check(InetAddress.getByName("10.1.2.3"), "x");
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("no p2pnet.agent.control.api-token");
    }

    @Test
    void remoteCallerNeedsAllowedAddressAndToken() throws Exception {
        ControlAccessPolicy policy = policy("correct-horse-battery", List.of("10.0.0.0/8"), true);
        assertThat(policy.check(InetAddress.getByName("10.1.2.3"), "correct-horse-battery").allowed()).isTrue();
        assertThat(policy.check(InetAddress.getByName("10.1.2.3"), "correct-horse-batter").reason()).isEqualTo("wrong API token");
        assertThat(policy.check(InetAddress.getByName("10.1.2.3"), null).reason()).contains("missing API token");
        assertThat(policy.check(InetAddress.getByName("192.168.0.9"), "correct-horse-battery").reason())
                .contains("192.168.0.9 is not in p2pnet.agent.control.allowed-addresses");
    }

    @Test
    void untrustedLoopbackNeedsTheToken() throws Exception {
        ControlAccessPolicy policy = policy("correct-horse-battery", List.of(), false);
        assertThat(policy.check(InetAddress.getByName("127.0.0.1"), null).allowed()).isFalse();
        assertThat(policy.check(InetAddress.getByName("127.0.0.1"), "correct-horse-battery").allowed()).isTrue();
    }

    @Test
    void aSessionCountsLikeTheTokenButOnlyFromAnAllowedAddress() throws Exception {
        ControlAccessPolicy policy = policy("correct-horse-battery", List.of("10.0.0.0/8"), true);
        assertThat(policy.checkSession(InetAddress.getByName("10.1.2.3"), true).allowed()).isTrue();
        assertThat(policy.checkSession(InetAddress.getByName("10.1.2.3"), false).reason()).contains("log in again");
        assertThat(policy.checkSession(InetAddress.getByName("192.168.0.9"), true).reason())
                .contains("192.168.0.9 is not in p2pnet.agent.control.allowed-addresses");
        assertThat(policy(null, List.of("10.0.0.0/8"), true).checkSession(InetAddress.getByName("10.1.2.3"), true)
                .allowed()).isFalse();
    }

    @Test
    void aLoginNeedsTheRightTokenEvenFromATrustedLoopback() throws Exception {
        ControlAccessPolicy policy = policy("correct-horse-battery", List.of(), true);
        assertThat(policy.checkToken(InetAddress.getByName("127.0.0.1"), "wrong").reason()).isEqualTo("wrong API token");
        assertThat(policy.checkToken(InetAddress.getByName("127.0.0.1"), null).allowed()).isFalse();
        assertThat(policy.checkToken(InetAddress.getByName("127.0.0.1"), "correct-horse-battery").allowed()).isTrue();
    }
}
