package net.p2pnet.model.link;

import java.util.regex.Pattern;
import net.p2pnet.model.text.Excerpt;

/** Checks of values that ed2k and magnet links share. */
final class LinkValues {

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    private LinkValues() {
    }

    /**
     * A name from a link becomes a file name on the downloader's disk, so it must not name another
     * directory: no separators, no NUL, not "." or "..". Hostile links fail here, before any download.
     */
    static void checkFileName(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new InvalidLinkException(what + " is empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new InvalidLinkException(what + " '" + Excerpt.of(name) + "' is not a file name");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw new InvalidLinkException(what + " '" + Excerpt.of(name.replace('\0', '?'))
                    + "' contains a path separator or NUL; it must be a plain file name");
        }
    }

    /** A byte count written as a plain decimal number (no sign, no leading zeros). */
    static long length(String text, String what) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new InvalidLinkException(what + " must be a decimal number of bytes, was '" + Excerpt.of(text) + "'");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidLinkException(what + " is too large: " + Excerpt.of(text), e);
        }
    }
}
