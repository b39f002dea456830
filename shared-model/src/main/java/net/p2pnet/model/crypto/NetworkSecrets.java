package net.p2pnet.model.crypto;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a network secret, join key or control token may be used. Every service refuses to
 * start on an empty, well-known, placeholder or low-entropy secret outside the {@code dev} profile,
 * because such a network is open to anyone: {@code cp .env.example .env} must not give a running
 * network whose secret is published.
 */
public final class NetworkSecrets {

    /** The secret the {@code dev} profile ships with; refused everywhere else. */
    public static final String DEV_SECRET = "dev-only-insecure-network-secret";

    public static final int MIN_LENGTH = 16;

    /** A join key or control token may be shorter than the secret: it unlocks less. */
    public static final int MIN_KEY_LENGTH = 8;

    /**
     * Estimated bits (length times the Shannon entropy of its characters) a secret needs: a random
     * 16-character hex string has about 56, {@code passwordpassword} 44.
     */
    static final double MIN_SECRET_BITS = 48;

    /** The same for join keys and control tokens, which guard less than the secret. */
    static final double MIN_KEY_BITS = 28;

    private static final String HOW_TO_MAKE_ONE = "make one with 'openssl rand -hex 32'";

    private static final Set<String> WELL_KNOWN = Set.of(
            DEV_SECRET, "changeme", "change-me", "secret", "password", "p2pnet", "default",
            "heavymole", "letmein", "admin", "test", "0123456789abcdef", "changeit");

    /** Parts of the placeholders documentation and example files use, such as {@code .env.example}'s. */
    private static final List<String> PLACEHOLDER_PARTS = List.of(
            "replace-with", "replace_with", "replaceme", "replace-me", "changeme", "change-me", "change_me",
            "changeit", "placeholder", "your-secret", "your_secret", "example", "xxxxxx", "<", ">");

    private NetworkSecrets() {
    }

    /** Why this secret must not be used, in one line that says what to do; empty if it is fine. */
    public static Optional<String> weakness(String secret) {
        String property = "p2pnet.network.secret";
        if (secret == null || secret.isBlank()) {
            return Optional.of(property + " is empty: set it (e.g. P2PNET_NETWORK_SECRET) to the "
                    + "network's password (" + HOW_TO_MAKE_ONE + "), or run with the 'dev' profile for a throw-away "
                    + "local network");
        }
        if (WELL_KNOWN.contains(secret.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(property + " is a well-known default: choose a private secret of at least "
                    + MIN_LENGTH + " characters (" + HOW_TO_MAKE_ONE + "), or run with the 'dev' profile");
        }
        return placeholderOrShort(property, secret, MIN_LENGTH, MIN_SECRET_BITS);
    }

    /**
     * Why this join key or control token must not be used; empty if it is fine. {@code property}
     * names the setting in the message. An empty key is the caller's business (it may mean "derive
     * one" or "none").
     */
    public static Optional<String> keyWeakness(String property, String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        if (WELL_KNOWN.contains(key.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(property + " is a well-known default: " + HOW_TO_MAKE_ONE);
        }
        return placeholderOrShort(property, key, MIN_KEY_LENGTH, MIN_KEY_BITS);
    }

    /** Throws {@link IllegalArgumentException} with the one-line reason unless the secret is usable. */
    public static String requireUsable(String secret) {
        weakness(secret).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return secret;
    }

    /** Throws {@link IllegalArgumentException} with the one-line reason unless the key is usable. */
    public static String requireUsableKey(String property, String key) {
        keyWeakness(property, key).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return key;
    }

    private static Optional<String> placeholderOrShort(String property, String value, int minLength, double minBits) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (PLACEHOLDER_PARTS.stream().anyMatch(lower::contains)) {
            return Optional.of(property + " is still the documentation's placeholder: " + HOW_TO_MAKE_ONE);
        }
        if (value.length() < minLength) {
            return Optional.of(property + " is shorter than " + minLength + " characters: " + HOW_TO_MAKE_ONE);
        }
        if (estimatedBits(value) < minBits) {
            return Optional.of(property + " is too predictable (few distinct or repeated characters): "
                    + HOW_TO_MAKE_ONE);
        }
        return Optional.empty();
    }

    /** Length times the Shannon entropy of the value's character frequencies: a cheap upper bound. */
    static double estimatedBits(String value) {
        Map<Integer, Integer> counts = new HashMap<>();
        value.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        int length = value.codePointCount(0, value.length());
        double bitsPerCharacter = 0;
        for (int count : counts.values()) {
            double p = (double) count / length;
            bitsPerCharacter -= p * Math.log(p) / Math.log(2);
        }
        return bitsPerCharacter * length;
    }
}
