package net.p2pnet.model.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import net.p2pnet.model.text.Excerpt;

/**
 * The four headers every request signature travels in (who signs, timestamp, nonce, signature),
 * written and read alike for {@link SignedRequest} and {@link PeerSignature}: only their names differ.
 */
record SignatureHeaders(String signer, String timestamp, String nonce, String signature) {

    /** Longest header value accepted; a key, a nonce or a signature is far shorter. */
    private static final int MAX_VALUE = 300;

    /** One signature's values, as read. */
    record Values(String signer, long timestamp, String nonce, String signature) {
    }

    /** The headers to add to the request, in a stable order. */
    Map<String, String> write(String signerValue, long timestampValue, String nonceValue, String signatureValue) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(signer, signerValue);
        headers.put(timestamp, Long.toString(timestampValue));
        headers.put(nonce, nonceValue);
        headers.put(signature, signatureValue);
        return headers;
    }

    /**
     * Reads the four headers through {@code header}.
     *
     * @throws VerificationException {@code MALFORMED} when one is missing or too long, or the timestamp is not a number
     */
    Values read(Function<String, String> header) {
        String signerValue = require(header, signer);
        String timestampValue = require(header, timestamp);
        String nonceValue = require(header, nonce);
        String signatureValue = require(header, signature);
        try {
            return new Values(signerValue, Long.parseLong(timestampValue), nonceValue, signatureValue);
        } catch (NumberFormatException e) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    timestamp + " must be seconds since the epoch, got '" + Excerpt.printable(timestampValue) + "'");
        }
    }

    private static String require(Function<String, String> header, String name) {
        String value = header.apply(name);
        if (value == null || value.isBlank()) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "request is not signed: header " + name + " is missing");
        }
        if (value.length() > MAX_VALUE) {
            throw new VerificationException(VerificationException.Reason.MALFORMED, "header " + name + " is too long");
        }
        return value.strip();
    }
}
