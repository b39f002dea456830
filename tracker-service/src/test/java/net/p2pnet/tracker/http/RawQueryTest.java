package net.p2pnet.tracker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.p2pnet.tracker.swarm.TrackerRefusal;
import org.junit.jupiter.api.Test;

class RawQueryTest {

    private static RawQuery.Param only(RawQuery query) {
        assertThat(query.params()).hasSize(1);
        return query.params().getFirst();
    }

    @Test
    void decodesBinaryPercentEscapesToBytesNotUtf8() {
        RawQuery q = RawQuery.parse("info_hash=%FF%00a%e9+");
        assertThat(q.bytes(only(q))).containsExactly(0xFF, 0x00, 'a', 0xE9, ' ');
    }

    @Test
    void splitsEmptyAndValuelessParametersSafely() {
        RawQuery q = RawQuery.parse("&&a=1&&b&=x&c=");
        assertThat(q.params()).extracting(RawQuery.Param::name).containsExactly("a", "b", "", "c");
        assertThat(q.text(q.params().get(1))).isEmpty();
        assertThat(RawQuery.parse(null).params()).isEmpty();
    }

    @Test
    void refusesBrokenEscapesAndBadNumbers() {
        for (String bad : new String[] {"x=%", "x=%4", "x=%zz", "x=%4\u0100"}) {
            RawQuery q = RawQuery.parse(bad);
            assertThatThrownBy(() -> q.bytes(only(q))).isInstanceOf(TrackerRefusal.class)
                    .hasMessage("malformed percent-encoding in x");
        }
        RawQuery huge = RawQuery.parse("n=99999999999999999999999999");
        assertThatThrownBy(() -> huge.number(only(huge), Long.MAX_VALUE)).hasMessage("invalid n: larger than " + Long.MAX_VALUE);
        RawQuery max = RawQuery.parse("n=9223372036854775807");
        assertThat(max.number(only(max), Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        RawQuery empty = RawQuery.parse("n=");
        assertThatThrownBy(() -> empty.number(only(empty), 10)).hasMessage("invalid n: expected a non-negative decimal number");
    }

    @Test
    void ipLiteralsNeverResolveNames() {
        assertThat(IpLiteral.parse("10.0.0.1")).hasValueSatisfying(a -> assertThat(a).containsExactly(10, 0, 0, 1));
        assertThat(IpLiteral.parse("::1")).hasValueSatisfying(a -> assertThat(a).hasSize(16));
        assertThat(IpLiteral.parse("::ffff:1.2.3.4")).hasValueSatisfying(a -> assertThat(a).containsExactly(1, 2, 3, 4));
        assertThat(IpLiteral.parse("localhost")).isEmpty();
        assertThat(IpLiteral.parse("example.com")).isEmpty();
        assertThat(IpLiteral.parse("256.1.1.1")).isEmpty();
        assertThat(IpLiteral.parse("1.2.3")).isEmpty();
        assertThat(IpLiteral.parse("1:2:3:4:5:6:7:8:9")).isEmpty();
    }

    @Test
    void trackerPathsIncludingPasskeyForms() {
        assertThat(TrackerPath.of("/announce").action()).isEqualTo(TrackerPath.Action.ANNOUNCE);
        assertThat(TrackerPath.of("/a/KEY_1-x/scrape")).isEqualTo(new TrackerPath(TrackerPath.Action.SCRAPE, "KEY_1-x"));
        assertThat(TrackerPath.of("/a//announce").action()).isEqualTo(TrackerPath.Action.UNKNOWN);
        assertThat(TrackerPath.of("/a/k/other").action()).isEqualTo(TrackerPath.Action.UNKNOWN);
        assertThat(TrackerPath.of("/api/v1/torrents")).isNull();
        assertThat(TrackerPath.of("/")).isNull();
    }
}
