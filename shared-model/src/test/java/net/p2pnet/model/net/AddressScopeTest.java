package net.p2pnet.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Classification only: no address here is ever contacted, and no name is looked up. */
class AddressScopeTest {

    @Test
    void localAndPrivateAddressesAreNotPublic() {
        for (String local : new String[] {"127.0.0.1", "169.254.169.254", "10.1.2.3", "172.16.0.1", "192.168.1.1",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1",
                "::ffff:169.254.169.254", "ff02::1", "::"}) {
            InetAddress address = AddressScope.literal(local).orElseThrow();
            assertThat(AddressScope.isPublic(address)).as(local).isFalse();
        }
        for (String global : new String[] {"1.1.1.1", "93.184.216.34", "2001:4860:4860::8888", "[2606:4700::1111]"}) {
            assertThat(AddressScope.isPublic(AddressScope.literal(global).orElseThrow())).as(global).isTrue();
        }
    }

    @Test
    void onlyLiteralsAreAcceptedNeverNames() {
        assertThat(AddressScope.literal("localhost")).isEmpty();
        assertThat(AddressScope.literal("evil.example")).isEmpty();
        assertThat(AddressScope.literal("1.2.3")).isEmpty();
        assertThat(AddressScope.literal("256.1.1.1")).isEmpty();
        assertThat(AddressScope.literalEndpoint("10.0.0.1:6881")).contains(new InetSocketAddress("10.0.0.1", 6881));
        assertThat(AddressScope.literalEndpoint("[::1]:6881")).isPresent();
        assertThat(AddressScope.literalEndpoint("tracker.example:6881")).isEmpty();
        assertThat(AddressScope.literalEndpoint("10.0.0.1")).isEmpty();
    }
}
