package net.p2pnet.model.bencode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Canonical bencode encoder (BEP 3): dictionary keys in raw byte order (guaranteed by
 * {@link BDictionary}'s sorted map), integers in plain decimal.
 */
public final class BencodeEncoder {

    private BencodeEncoder() {
    }

    public static byte[] encode(BencodeValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    private static void write(BencodeValue value, ByteArrayOutputStream out) {
        switch (value) {
            case BString s -> writeString(s.unsafeBytes(), out);
            case BInteger i -> ascii("i" + i.value() + "e", out);
            case BList l -> {
                out.write('l');
                l.values().forEach(v -> write(v, out));
                out.write('e');
            }
            case BDictionary d -> {
                out.write('d');
                for (Map.Entry<BString, BencodeValue> e : d.entries().entrySet()) {
                    writeString(e.getKey().unsafeBytes(), out);
                    write(e.getValue(), out);
                }
                out.write('e');
            }
        }
    }

    private static void writeString(byte[] bytes, ByteArrayOutputStream out) {
        ascii(bytes.length + ":", out);
        out.writeBytes(bytes);
    }

    private static void ascii(String s, ByteArrayOutputStream out) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
