package net.p2pnet.chat.room;

import java.util.Optional;
import net.p2pnet.model.link.Ed2kLink;
import net.p2pnet.model.link.MagnetLink;

/**
 * Checks the optional file reference of a message with shared-model's link parsers, so a chat only
 * ever shows links an agent can follow. The text is kept as the author wrote it.
 */
public final class LinkReference {

    public static final int MAX_LENGTH = 2048;

    private static final String ED2K = "ed2k:";
    private static final String MAGNET = "magnet:";

    private LinkReference() {
    }

    /** Why {@code link} is not acceptable, or empty when it is. */
    public static Optional<String> problem(String link) {
        if (link.length() > MAX_LENGTH) {
            return Optional.of("link is " + link.length() + " characters; the limit is " + MAX_LENGTH);
        }
        if (link.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.of("link must not contain whitespace or control characters");
        }
        try {
            if (hasScheme(link, ED2K)) {
                Ed2kLink.parse(link);
            } else if (hasScheme(link, MAGNET)) {
                MagnetLink.parse(link);
            } else {
                return Optional.of("link must be an ed2k file link (ed2k://|file|NAME|SIZE|HASH|/) or a magnet link");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("link is not valid: " + e.getMessage());
        }
    }

    /** {@code "ed2k"} or {@code "magnet"} for a link that passed {@link #problem}. */
    public static String typeOf(String link) {
        return hasScheme(link, ED2K) ? "ed2k" : "magnet";
    }

    private static boolean hasScheme(String link, String scheme) {
        return link.regionMatches(true, 0, scheme, 0, scheme.length());
    }
}
