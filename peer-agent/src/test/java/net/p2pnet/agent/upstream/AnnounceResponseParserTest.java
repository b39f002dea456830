package net.p2pnet.agent.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BList;
import net.p2pnet.model.bencode.Bencode;
import org.junit.jupiter.api.Test;

class AnnounceResponseParserTest {

    @Test
    void readsCompactIpv4AndIpv6Peers() {
        byte[] v4 = {127, 0, 0, 1, 0x1A, (byte) 0xE1, 10, 0, 0, 2, 0x00, 0x50};
        byte[] v6 = new byte[18];
        v6[15] = 1;
        v6[16] = 0x1F;
        v6[17] = (byte) 0x90;
        byte[] reply = Bencode.encode(BDictionary.builder().put("interval", 120).put("min interval", 30).put("complete", 3)
                .put("incomplete", 1).put("peers", v4).put("peers6", v6).build());

        AnnounceResult result = AnnounceResponseParser.parse(reply, "t");

        assertThat(result.interval()).isEqualTo(Duration.ofSeconds(120));
        assertThat(result.minInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(result.seeders()).isEqualTo(3);
        assertThat(result.leechers()).isEqualTo(1);
        assertThat(result.peers()).containsExactly(new InetSocketAddress("127.0.0.1", 6881),
                new InetSocketAddress("10.0.0.2", 80), new InetSocketAddress("::1", 8080));
    }

    @Test
    void readsDictionaryPeerList() {
        BDictionary peer = BDictionary.builder().put("ip", "127.0.0.1").put("port", 7000).put("peer id", "x").build();
        byte[] reply = Bencode.encode(BDictionary.builder().put("interval", 60).put("peers", BList.of(peer)).build());

        AnnounceResult result = AnnounceResponseParser.parse(reply, "t");
        assertThat(result.peers()).containsExactly(new InetSocketAddress("127.0.0.1", 7000));
        assertThat(result.minInterval()).as("no min interval: the interval").isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void failureReasonBecomesAClearError() {
        byte[] reply = Bencode.encode(BDictionary.builder().put("failure reason", "unregistered torrent").build());

        assertThatThrownBy(() -> AnnounceResponseParser.parse(reply, "http://t/announce"))
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("http://t/announce").hasMessageContaining("unregistered torrent");
    }

    @Test
    void malformedRepliesAreRefusedWithoutOtherExceptions() {
        assertThatThrownBy(() -> AnnounceResponseParser.parse("<html>".getBytes(StandardCharsets.UTF_8), "t"))
                .isInstanceOf(UpstreamException.class).hasMessageContaining("malformed");
        byte[] ragged = Bencode.encode(BDictionary.builder().put("peers", new byte[7]).build());
        assertThatThrownBy(() -> AnnounceResponseParser.parse(ragged, "t"))
                .isInstanceOf(UpstreamException.class).hasMessageContaining("multiple of 6");
    }

    @Test
    void binaryInfoHashIsPercentEncodedByteByByte() {
        byte[] hash = {0x12, 0x34, (byte) 0xAB, 'a', '-', '~', ' ', (byte) 0xFF};
        assertThat(TrackerClient.percentEncode(hash)).isEqualTo("%124%ABa-~%20%FF");
    }
}
