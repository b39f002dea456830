package net.p2pnet.model.crypto;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a network secret may be used. Every service refuses to start on an empty or
 * well-known secret outside the {@code dev} profile, because such a network is open to anyone.
 */
public final class NetworkSecrets {

    /** The secret the {@code dev} profile ships with; refused everywhere else. */
    public static final String DEV_SECRET = "dev-only-insecure-network-secret";

    public static final int MIN_LENGTH = 16;

    private static final Set<String> WELL_KNOWN = Set.of(
            DEV_SECRET, "changeme", "change-me", "secret", "password", "p2pnet", "default",
            "heavymole", "letmein", "admin", "test", "0123456789abcdef", "changeit");

    private NetworkSecrets() {
    }

    /** Why this secret must not be used, in one line that says what to do; empty if it is fine. */
    public static Optional<String> weakness(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.of("p2pnet.network.secret is empty: set it (e.g. P2PNET_NETWORK_SECRET) to the "
                    + "network's password, or run with the 'dev' profile for a throw-away local network");
        }
        if (WELL_KNOWN.contains(secret.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("p2pnet.network.secret is a well-known default: choose a private secret of at least "
                    + MIN_LENGTH + " characters (e.g. 'openssl rand -hex 32'), or run with the 'dev' profile");
        }
        if (secret.length() < MIN_LENGTH) {
            return Optional.of("p2pnet.network.secret is shorter than " + MIN_LENGTH
                    + " characters: choose a longer one (e.g. 'openssl rand -hex 32')");
        }
        return Optional.empty();
    }

    /** Throws {@link IllegalArgumentException} with the one-line reason unless the secret is usable. */
    public static String requireUsable(String secret) {
        weakness(secret).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return secret;
    }
}
