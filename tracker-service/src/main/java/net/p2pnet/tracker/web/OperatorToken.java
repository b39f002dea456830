package net.p2pnet.tracker.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The configured operator credential ({@code p2pnet.tracker.operator-token}). Compared in constant
 * time over SHA-256 digests, so neither the content nor the length leaks through timing.
 */
final class OperatorToken {

    private final byte[] digest;

    /** @param token the configured token, or null when the tracker has no operator */
    OperatorToken(String token) {
        this.digest = token == null ? null : sha256(token);
    }

    boolean matches(String presented) {
        return digest != null && presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
