package net.p2pnet.chat.room;

import java.util.Optional;

/**
 * Checks the optional file reference of a message. The check is deliberately loose (scheme prefix,
 * length, no whitespace or control characters): a chat only has to show the link, the agent that
 * follows it parses it fully.
 */
public final class LinkReference {

    public static final int MAX_LENGTH = 2048;

    private static final String ED2K_PREFIX = "ed2k://|file|";
    private static final String MAGNET_PREFIX = "magnet:?";

    private LinkReference() {
    }

    /** Why {@code link} is not acceptable, or empty when it is. */
    public static Optional<String> problem(String link) {
        if (link.length() > MAX_LENGTH) {
            return Optional.of("link is " + link.length() + " characters; the limit is " + MAX_LENGTH);
        }
        if (!link.startsWith(ED2K_PREFIX) && !link.startsWith(MAGNET_PREFIX)) {
            return Optional.of("link must be an ed2k file link (" + ED2K_PREFIX + "...) or a magnet link ("
                    + MAGNET_PREFIX + "...)");
        }
        if (link.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.of("link must not contain whitespace or control characters");
        }
        return Optional.empty();
    }

    /** {@code "ed2k"} or {@code "magnet"} for a link that passed {@link #problem}. */
    public static String typeOf(String link) {
        return link.startsWith(ED2K_PREFIX) ? "ed2k" : "magnet";
    }
}
