package net.p2pnet.model.text;

import java.util.HexFormat;

/**
 * Shortens a value from another machine before an error message quotes it. An error that echoes
 * its input whole turns a 30 MB bad key into a 60 MB message (hex) in a log line, an exception and
 * a problem+json answer; the start of the value and its length say just as much.
 */
public final class Excerpt {

    /** Characters (or bytes, for hex) kept; enough to recognise a key, a URL or a hash. */
    public static final int MAX_CHARS = 80;

    private Excerpt() {
    }

    /** {@code text} itself when short, else its start, an ellipsis and the full length. */
    public static String of(CharSequence text) {
        if (text.length() <= MAX_CHARS) {
            return text.toString();
        }
        // Never cut a surrogate pair in half: the message must stay well-formed text.
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.subSequence(0, end) + "…(" + text.length() + " chars)";
    }

    /**
     * {@link #of} with control characters as {@code ?}: for text from a request line or header,
     * where a CR or LF would forge a log line.
     */
    public static String printable(CharSequence text) {
        StringBuilder clean = new StringBuilder(of(text));
        for (int i = 0; i < clean.length(); i++) {
            if (Character.isISOControl(clean.charAt(i))) {
                clean.setCharAt(i, '?');
            }
        }
        return clean.toString();
    }

    /** Lowercase hex of {@code bytes} when short, else of their start, an ellipsis and the full length. */
    public static String hex(byte[] bytes) {
        int kept = Math.min(bytes.length, MAX_CHARS / 2);
        String hex = HexFormat.of().formatHex(bytes, 0, kept);
        return kept == bytes.length ? hex : hex + "…(" + bytes.length + " bytes)";
    }
}
