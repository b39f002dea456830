package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @Test
    void singleAddressMatchesOnlyItself() throws Exception {
        AddressRange range = AddressRange.parse("192.168.1.7");
        assertThat(range.contains(InetAddress.getByName("192.168.1.7"))).isTrue();
        assertThat(range.contains(InetAddress.getByName("192.168.1.8"))).isFalse();
    }

    @Test
    void cidrRangeMatchesItsPrefixOnly() throws Exception {
        AddressRange range = AddressRange.parse("10.1.0.0/17");
        assertThat(range.contains(InetAddress.getByName("10.1.127.255"))).isTrue();
        assertThat(range.contains(InetAddress.getByName("10.1.128.0"))).isFalse();
        assertThat(range.contains(InetAddress.getByName("::1"))).isFalse();
    }

    @Test
    void ipv6RangeMatches() throws Exception {
        AddressRange range = AddressRange.parse("fd00::/8");
        assertThat(range.contains(InetAddress.getByName("fd12:3456::1"))).isTrue();
        assertThat(range.contains(InetAddress.getByName("fe80::1"))).isFalse();
    }

    @Test
    void hostNamesAndBadPrefixesAreRefused() {
        assertThatThrownBy(() -> AddressRange.parse("example.org")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).hasMessageContaining("prefix must be 0-32");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/x")).hasMessageContaining("prefix");
    }
}
