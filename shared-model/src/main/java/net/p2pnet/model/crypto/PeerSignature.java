package net.p2pnet.model.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A request signed with a peer's own key ({@link PeerRequestSigner}), carried in
 * {@code X-P2pnet-Peer-*} headers beside the peer ticket (if any).
 *
 * @param publicKey the signer's {@link PeerPublicKey}, printed; its peer id is the signer's
 * @param timestamp seconds since the epoch when signed
 * @param nonce     random, unique per request; remembered by the verifier to refuse replays
 * @param signature Base64url Ed25519 signature (see {@link PeerRequestSigner} for what it covers)
 */
public record PeerSignature(String publicKey, long timestamp, String nonce, String signature) {

    public static final String KEY_HEADER = "X-P2pnet-Peer-Key";
    public static final String TIMESTAMP_HEADER = "X-P2pnet-Peer-Timestamp";
    public static final String NONCE_HEADER = "X-P2pnet-Peer-Nonce";
    public static final String SIGNATURE_HEADER = "X-P2pnet-Peer-Signature";

    /** The headers to add to the request, in a stable order. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(KEY_HEADER, publicKey);
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
    public static PeerSignature fromHeaders(Function<String, String> header) {
        String key = SignedRequest.require(header, KEY_HEADER);
        String timestamp = SignedRequest.require(header, TIMESTAMP_HEADER);
        String nonce = SignedRequest.require(header, NONCE_HEADER);
        String signature = SignedRequest.require(header, SIGNATURE_HEADER);
        try {
            return new PeerSignature(key, Long.parseLong(timestamp), nonce, signature);
        } catch (NumberFormatException e) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    TIMESTAMP_HEADER + " must be seconds since the epoch, got '" + SignedRequest.abbreviate(timestamp)
                            + "'");
        }
    }
}
