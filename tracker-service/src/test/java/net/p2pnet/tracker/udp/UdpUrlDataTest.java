package net.p2pnet.tracker.udp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** BEP 41: the announce URL's path and query reach a UDP tracker as URL data; passkeys ride in it. */
class UdpUrlDataTest {

    @Test
    void passkeyComesFromThePrivatePathOrTheQuery() {
        assertThat(UdpRequestHandler.passkeyOf("/a/KEY-1_x/announce")).isEqualTo("KEY-1_x");
        assertThat(UdpRequestHandler.passkeyOf("/announce?passkey=abc&x=1")).isEqualTo("abc");
        assertThat(UdpRequestHandler.passkeyOf("/a/fromPath/announce?passkey=fromQuery")).isEqualTo("fromPath");
        assertThat(UdpRequestHandler.passkeyOf("/announce")).isNull();
        assertThat(UdpRequestHandler.passkeyOf("")).isNull();
    }
}
