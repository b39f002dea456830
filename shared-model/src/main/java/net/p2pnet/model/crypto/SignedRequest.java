package net.p2pnet.model.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The signature of one HTTP request, carried in {@code X-P2pnet-*} headers. Made by
 * {@link RequestSigner}, checked by {@link RequestVerifier}. The MAC covers method, path with
 * query, timestamp, nonce, signer and the SHA-256 of the body (see {@link RequestSigner}).
 *
 * @param signer    who signs (a server's {@code host:port} or a service URL); logged, and covered by the MAC
 * @param timestamp seconds since the epoch when signed
 * @param nonce     random, unique per request; remembered by the verifier to refuse replays
 * @param signature Base64url HMAC-SHA-256
 */
public record SignedRequest(String signer, long timestamp, String nonce, String signature) {

    public static final String SIGNER_HEADER = "X-P2pnet-Signer";
    public static final String TIMESTAMP_HEADER = "X-P2pnet-Timestamp";
    public static final String NONCE_HEADER = "X-P2pnet-Nonce";
    public static final String SIGNATURE_HEADER = "X-P2pnet-Signature";

    /** The headers to add to the request, in a stable order. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SIGNER_HEADER, signer);
        headers.put(TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(NONCE_HEADER, nonce);
        headers.put(SIGNATURE_HEADER, signature);
        return headers;
    }

    /**
     * Reads the four headers through {@code header} (e.g. {@code request::getHeader}).
     *
     * @throws VerificationException {@code MALFORMED} when one is missing or the timestamp is not a number
     */
    public static SignedRequest fromHeaders(Function<String, String> header) {
        String signer = require(header, SIGNER_HEADER);
        String timestamp = require(header, TIMESTAMP_HEADER);
        String nonce = require(header, NONCE_HEADER);
        String signature = require(header, SIGNATURE_HEADER);
        try {
            return new SignedRequest(signer, Long.parseLong(timestamp), nonce, signature);
        } catch (NumberFormatException e) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    TIMESTAMP_HEADER + " must be seconds since the epoch, got '" + abbreviate(timestamp) + "'");
        }
    }

    static String require(Function<String, String> header, String name) {
        String value = header.apply(name);
        if (value == null || value.isBlank()) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "request is not signed: header " + name + " is missing");
        }
        if (value.length() > 300) {
            throw new VerificationException(VerificationException.Reason.MALFORMED, "header " + name + " is too long");
        }
        return value.strip();
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
