package net.p2pnet.model.crypto;

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

    private static final SignatureHeaders HEADERS =
            new SignatureHeaders(SIGNER_HEADER, TIMESTAMP_HEADER, NONCE_HEADER, SIGNATURE_HEADER);

    /** The headers to add to the request, in a stable order. */
    public Map<String, String> headers() {
        return HEADERS.write(signer, timestamp, nonce, signature);
    }

    /**
     * Reads the four headers through {@code header} (e.g. {@code request::getHeader}).
     *
     * @throws VerificationException {@code MALFORMED} when one is missing or the timestamp is not a number
     */
    public static SignedRequest fromHeaders(Function<String, String> header) {
        SignatureHeaders.Values values = HEADERS.read(header);
        return new SignedRequest(values.signer(), values.timestamp(), values.nonce(), values.signature());
    }
}
