package net.p2pnet.tracker.http;

import java.util.ArrayList;
import java.util.List;
import net.p2pnet.model.text.Excerpt;
import net.p2pnet.tracker.swarm.TrackerRefusal;

/**
 * A query string taken raw from the request line. BitTorrent clients percent-encode binary
 * {@code info_hash} and {@code peer_id} bytes (BEP 3); letting the servlet container decode them as
 * UTF-8 would corrupt every byte above 0x7F, so values are decoded here, to bytes.
 */
public final class RawQuery {

    /** One {@code name=value} pair: the name decoded as text, the value kept as raw positions. */
    public record Param(String name, int valueStart, int valueEnd) {
    }

    private final String query;
    private final List<Param> params;

    private RawQuery(String query, List<Param> params) {
        this.query = query;
        this.params = params;
    }

    public static RawQuery parse(String query) {
        String q = query == null ? "" : query;
        List<Param> params = new ArrayList<>(16);
        int start = 0;
        while (start < q.length()) {
            int amp = q.indexOf('&', start);
            int end = amp < 0 ? q.length() : amp;
            if (end > start) {
                int eq = q.indexOf('=', start);
                int nameEnd = (eq < 0 || eq > end) ? end : eq;
                int valueStart = Math.min(nameEnd + 1, end);
                params.add(new Param(q.substring(start, nameEnd), valueStart, end));
            }
            start = end + 1;
        }
        return new RawQuery(q, params);
    }

    public List<Param> params() {
        return params;
    }

    /** The text of the first parameter with this name, or null when there is none. */
    public String firstText(String name) {
        for (Param p : params()) {
            if (p.name().equals(name)) {
                return text(p);
            }
        }
        return null;
    }

    /** The value's bytes, percent-decoded ({@code +} is a space, as in HTML forms and bttrack). */
    public byte[] bytes(Param param) {
        byte[] out = new byte[param.valueEnd() - param.valueStart()];
        int n = 0;
        for (int i = param.valueStart(); i < param.valueEnd(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= param.valueEnd()) {
                    throw malformed(param);
                }
                int hi = Character.digit(query.charAt(i + 1), 16);
                int lo = Character.digit(query.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw malformed(param);
                }
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c == '+') {
                out[n++] = ' ';
            } else if (c > 0xFF) {
                throw malformed(param);
            } else {
                out[n++] = (byte) c;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** The value as text (ISO-8859-1 of its decoded bytes: every name and value we read is ASCII). */
    public String text(Param param) {
        return new String(bytes(param), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** A non-negative decimal integer; refuses anything else with a reason naming the parameter. */
    public long number(Param param, long max) {
        int start = param.valueStart();
        int end = param.valueEnd();
        if (start == end) {
            throw invalidNumber(param);
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = query.charAt(i);
            if (c < '0' || c > '9') {
                throw invalidNumber(param);
            }
            int digit = c - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                throw new TrackerRefusal("invalid " + Excerpt.of(param.name()) + ": larger than " + max);
            }
            value = value * 10 + digit;
        }
        if (value > max) {
            throw new TrackerRefusal("invalid " + Excerpt.of(param.name()) + ": " + value + " is larger than " + max);
        }
        return value;
    }

    /** True when the value is exactly the given ASCII text (no decoding needed for our keywords). */
    public boolean valueIs(Param param, String expected) {
        int length = param.valueEnd() - param.valueStart();
        return length == expected.length() && query.regionMatches(param.valueStart(), expected, 0, length);
    }

    private static TrackerRefusal malformed(Param param) {
        return new TrackerRefusal("malformed percent-encoding in " + Excerpt.of(param.name()));
    }

    private static TrackerRefusal invalidNumber(Param param) {
        return new TrackerRefusal("invalid " + Excerpt.of(param.name()) + ": expected a non-negative decimal number");
    }
}
