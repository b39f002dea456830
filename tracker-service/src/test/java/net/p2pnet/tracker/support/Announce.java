package net.p2pnet.tracker.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds announce query strings the way BitTorrent clients do: binary values percent-encoded byte by byte. */
public final class Announce {

    private final Map<String, String> params = new LinkedHashMap<>();

    private Announce() {
    }

    /** A started-less regular announce of a leecher with the usual parameters. */
    public static Announce of(byte[] infoHash, byte[] peerId, int port) {
        Announce a = new Announce();
        a.params.put("info_hash", encode(infoHash));
        a.params.put("peer_id", encode(peerId));
        a.params.put("port", Integer.toString(port));
        a.params.put("uploaded", "0");
        a.params.put("downloaded", "0");
        a.params.put("left", "1000");
        return a;
    }

    public Announce set(String name, String rawValue) {
        params.put(name, rawValue);
        return this;
    }

    public Announce remove(String name) {
        params.remove(name);
        return this;
    }

    public String query() {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join("&", parts);
    }

    /** Percent-encodes every byte that is not unreserved (RFC 3986), like libtorrent and aria2. */
    public static String encode(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    /** 20 bytes from a label, with high bytes so UTF-8 decoding would corrupt them. */
    public static byte[] id20(String label) {
        byte[] out = new byte[20];
        byte[] l = label.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < 20; i++) {
            out[i] = (byte) (i < l.length ? l[i] : 0x80 + i * 5);
        }
        return out;
    }
}
