package net.p2pnet.model.crypto;

import java.util.Base64;

/** URL-safe Base64 without padding (RFC 4648 §5): the only alphabet our tokens and headers use. */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** Decodes {@code text}, naming {@code what} in the {@link VerificationException} when it is not Base64url. */
    public static byte[] decode(String text, String what) {
        if (text == null || text.isEmpty()) {
            throw new VerificationException(VerificationException.Reason.MALFORMED, what + " is missing");
        }
        if (text.indexOf('=') >= 0 || text.indexOf('+') >= 0 || text.indexOf('/') >= 0) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    what + " is not unpadded URL-safe Base64");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    what + " is not URL-safe Base64: " + e.getMessage());
        }
        // The decoder ignores the unused low bits of the last character; insisting on the canonical
        // form makes every character of a token significant, so no altered token is accepted.
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    what + " is not canonical URL-safe Base64");
        }
        return bytes;
    }
}
