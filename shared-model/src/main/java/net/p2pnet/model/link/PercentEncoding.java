package net.p2pnet.model.link;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of names in links, byte for byte as rhash writes them: UTF-8, RFC 3986
 * unreserved characters kept, everything else {@code %xx} with lowercase hex. Hand-written because
 * {@link java.net.URLEncoder} does form encoding ({@code +} for space, {@code *} kept, {@code ~}
 * encoded, uppercase hex), which would make our links differ from rhash's and eMule's.
 */
final class PercentEncoding {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PercentEncoding() {
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isUnreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes {@code %xx} escapes (either case) as UTF-8; {@code plusIsSpace} for query strings
     * (magnet links), where {@code +} traditionally stands for a space.
     */
    static String decode(String text, boolean plusIsSpace, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == '%') {
                bytes.write(escapedByte(text, i, what));
                i += 3;
                continue;
            }
            if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
            }
            i += Character.charCount(c);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidLinkException(what + ": its %-escapes are not valid UTF-8", e);
        }
    }

    private static int escapedByte(String text, int at, String what) {
        int high = at + 1 < text.length() ? Character.digit(text.charAt(at + 1), 16) : -1;
        int low = at + 2 < text.length() ? Character.digit(text.charAt(at + 2), 16) : -1;
        if (high < 0 || low < 0) {
            throw new InvalidLinkException(what + ": '%' at position " + at + " is not followed by two hex digits");
        }
        return high << 4 | low;
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
