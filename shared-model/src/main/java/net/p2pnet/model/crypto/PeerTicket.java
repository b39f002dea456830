package net.p2pnet.model.crypto;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed, expiring statement by a rendezvous server that a peer joined the network. Any service
 * holding the network secret verifies it offline (no call back to the issuer). Agents send it as
 * {@code Authorization: Bearer <token>}.
 *
 * <p>Token: {@code base64url(payload) "." base64url(HMAC-SHA-256)}, payload = version byte,
 * issued and expiry (epoch seconds), peer id, peer name and network name; the MAC uses the
 * {@link KeyPurpose#PEER_TICKET} sub-key over the raw payload bytes.
 */
public record PeerTicket(String peerId, String peerName, String network, Instant issuedAt, Instant expiresAt) {

    private static final int VERSION = 1;
    private static final int MAX_TOKEN_LENGTH = 1024;
    private static final String BEARER = "Bearer ";

    public PeerTicket {
        TokenFields.requirePeerId(peerId);
        TokenFields.requireText(peerName, "peer name");
        TokenFields.requireText(network, "network name");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        issuedAt = Instant.ofEpochSecond(issuedAt.getEpochSecond());
        expiresAt = Instant.ofEpochSecond(expiresAt.getEpochSecond());
        if (expiresAt.isBefore(issuedAt)) {
            throw new IllegalArgumentException("ticket expires before it is issued");
        }
    }

    /** A ticket for {@code key}'s network valid from {@code now} for {@code ttl}. */
    public static PeerTicket issue(NetworkKey key, String peerId, String peerName, Instant now, Duration ttl) {
        return new PeerTicket(peerId, peerName, key.networkName(), now, now.plus(ttl));
    }

    /** The compact URL-safe token. */
    public String encode(NetworkKey key) {
        if (!key.networkName().equals(network)) {
            throw new IllegalArgumentException("ticket of network '" + network + "' cannot be signed with the key of '"
                    + key.networkName() + "'");
        }
        byte[] payload = new TokenFields.Writer().writeByte(VERSION).writeLong(issuedAt.getEpochSecond())
                .writeLong(expiresAt.getEpochSecond()).writeText(peerId).writeText(peerName).writeText(network)
                .toBytes();
        return Base64Url.encode(payload) + "." + Base64Url.encode(key.hmac(KeyPurpose.PEER_TICKET, payload));
    }

    /**
     * Decodes and checks a token.
     *
     * @throws VerificationException MALFORMED, WRONG_NETWORK, TAMPERED (other secret or altered) or EXPIRED
     */
    public static PeerTicket verify(String token, NetworkKey key, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "peer ticket is missing or longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 2) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "peer ticket must be two Base64url parts joined by '.'");
        }
        byte[] payload = Base64Url.decode(parts[0], "peer ticket payload");
        byte[] mac = Base64Url.decode(parts[1], "peer ticket signature");
        PeerTicket ticket = parse(payload);
        if (!ticket.network().equals(key.networkName())) {
            throw new VerificationException(VerificationException.Reason.WRONG_NETWORK, "peer ticket is for network '"
                    + ticket.network() + "', this is '" + key.networkName() + "'");
        }
        if (!NetworkKey.macEquals(key.hmac(KeyPurpose.PEER_TICKET, payload), mac)) {
            throw new VerificationException(VerificationException.Reason.TAMPERED,
                    "peer ticket signature does not match: altered, or issued with another network secret");
        }
        if (!now.isBefore(ticket.expiresAt())) {
            throw new VerificationException(VerificationException.Reason.EXPIRED,
                    "peer ticket expired at " + ticket.expiresAt() + ": register again");
        }
        return ticket;
    }

    /** The token from an {@code Authorization: Bearer <token>} header value. */
    public static String fromAuthorizationHeader(String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "expected 'Authorization: Bearer <peer ticket>'");
        }
        return header.substring(BEARER.length()).strip();
    }

    /** The value for an {@code Authorization} header carrying {@code token}. */
    public static String authorizationHeader(String token) {
        return BEARER + token;
    }

    private static PeerTicket parse(byte[] payload) {
        TokenFields.Reader in = new TokenFields.Reader(payload, "peer ticket");
        int version = in.readByte();
        if (version != VERSION) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "peer ticket version " + version + " is not supported (expected " + VERSION + ")");
        }
        long issued = in.readLong();
        long expires = in.readLong();
        String peerId = in.readText();
        String name = in.readText();
        String network = in.readText();
        in.requireEnd();
        try {
            return new PeerTicket(peerId, name, network, Instant.ofEpochSecond(issued), Instant.ofEpochSecond(expires));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "peer ticket fields are invalid: " + e.getMessage());
        }
    }
}
