package net.p2pnet.model.crypto;

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

    private static final SignatureHeaders HEADERS =
            new SignatureHeaders(KEY_HEADER, TIMESTAMP_HEADER, NONCE_HEADER, SIGNATURE_HEADER);

    /** The headers to add to the request, in a stable order. */
    public Map<String, String> headers() {
        return HEADERS.write(publicKey, timestamp, nonce, signature);
    }

    /**
     * Reads the four headers through {@code header} (e.g. {@code request::getHeader}).
     *
     * @throws VerificationException {@code MALFORMED} when one is missing or the timestamp is not a number
     */
    public static PeerSignature fromHeaders(Function<String, String> header) {
        SignatureHeaders.Values values = HEADERS.read(header);
        return new PeerSignature(values.signer(), values.timestamp(), values.nonce(), values.signature());
    }
}
