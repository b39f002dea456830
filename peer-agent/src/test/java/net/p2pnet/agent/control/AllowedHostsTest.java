package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import net.p2pnet.agent.config.AgentProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The Host allow-list's parsing, and the configuration it accepts. */
class AllowedHostsTest {

    private static AgentProperties properties(List<String> allowedHosts) {
        return new AgentProperties("a", null, null, null, null, List.of(), Path.of("d"), 0,
                new AgentProperties.Rate(DataSize.ofBytes(0), DataSize.ofBytes(0)),
                new AgentProperties.Control(null, List.of(), true, allowedHosts, DataSize.ofMegabytes(1)));
    }

    private final AllowedHosts hosts = new AllowedHosts(properties(List.of("Agent.Example")));

    @Test
    void loopbackNamesIpLiteralsAndConfiguredNamesWithOrWithoutPort() {
        for (String host : new String[] {"localhost", "localhost:9700", "127.0.0.1:9700", "[::1]", "[::1]:9700",
                "10.0.0.7", "[fe80::1]:80", "[::ffff:127.0.0.1]", "agent.example", "AGENT.EXAMPLE:9700"}) {
            assertThat(hosts.allows(host)).as(host).isTrue();
        }
    }

    @Test
    void everythingElseIsForeign() {
        for (String host : new String[] {"attacker.example", "localhost.attacker.example", "agent.example.evil",
                "127.0.0.1.nip.io", "256.0.0.1", "127.1", "0x7f000001", "[::1", "[::1]x", "[::1]:", "[abc.def]",
                "[g::1]", "localhost:http", "localhost:123456", "", "::1"}) {
            assertThat(hosts.allows(host)).as(host).isFalse();
        }
        assertThat(hosts.allows(null)).isFalse();
    }

    @Test
    void configuredEntriesMustBeBareHostNames() {
        for (String bad : new String[] {"http://agent.example", "agent.example:9700", "*.example", "a b", ""}) {
            assertThatThrownBy(() -> properties(List.of(bad))).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("p2pnet.agent.control.allowed-hosts");
        }
    }
}
