package net.p2pnet.model.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerAddressTest {

    @ParameterizedTest
    @CsvSource({
            "rdv.example.org:8700, rdv.example.org, 8700, rdv.example.org:8700",
            "LOCALHOST:1, localhost, 1, localhost:1",
            "127.0.0.1:65535, 127.0.0.1, 65535, 127.0.0.1:65535",
            "[::1]:8701, ::1, 8701, [::1]:8701",
            "[2001:DB8::7]:8702, 2001:db8::7, 8702, [2001:db8::7]:8702",
            "'  a-b.c:80  ', a-b.c, 80, a-b.c:80"})
    void validAddressesParseAndPrintBack(String text, String host, int port, String printed) {
        ServerAddress address = ServerAddress.parse(text);
        assertThat(address.host()).isEqualTo(host);
        assertThat(address.port()).isEqualTo(port);
        assertThat(address).hasToString(printed);
        assertThat(ServerAddress.parse(address.toString())).isEqualTo(address);
        assertThat(address.httpUri().getPort()).isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host", "host:", "host:0", "host:65536", "host:99999999", "host:-1", "host:8o",
            ":8700", "::1:8700", "[::1]", "[::1]8700", "[host]:80", "[zz::1]:80", "256.1.1.1:80", "1.2.3:80",
            "-bad.example:80", "bad_.example:80", "a..b:80", "exa mple:80", "http://x:80"})
    void malformedAddressesAreRefusedWithAReason(String text) {
        assertThatThrownBy(() -> ServerAddress.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(".+");
    }
}
