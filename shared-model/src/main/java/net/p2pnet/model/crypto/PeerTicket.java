package net.p2pnet.model.crypto;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A signed, expiring statement by a rendezvous server that the holder of a {@link PeerPublicKey}
 * joined the network, for a set of {@link PeerAudience}s. Anyone with the network's
 * {@link TicketPublicKey} verifies it offline (no call back to the issuer): services holding the
 * secret derive that key, agents pin the one their rendezvous server announced. Agents send it as
 * {@code Authorization: Bearer <token>} together with a request signed by that key
 * ({@link PeerRequestVerifier}): the ticket is no bearer token, whoever has only seen it proves nothing.
 *
 * <p>Token (version 3): {@code base64url(payload) "." base64url(Ed25519 signature) "." base64url(MAC)},
 * payload = version byte, issued and expiry (epoch seconds), the peer's 32-byte public key, an
 * audience bit set, peer name and network name (the peer id is derived from the key); the signature
 * is made with the network's {@link TicketSigningKey} over the raw payload bytes, the MAC is
 * HMAC-SHA-256 with the {@link KeyPurpose#PEER_TICKET_MAC} sub-key over payload and signature, cut to
 * 16 bytes.
 *
 * <p>Why two proofs: servers check thousands of tickets a second (every heartbeat, every chat
 * request), and a MAC costs about a microsecond where an Ed25519 verification costs about ninety, so
 * {@link #verify(String, NetworkKey, Instant)} checks the MAC alone. Agents hold only the public key:
 * they check the signature and ignore the MAC. The MAC also covers the signature, so that a server
 * accepts no token whose signature agents would refuse. Earlier versions (bearer tickets not bound
 * to a key) are refused with a hint to register again.
 */
public record PeerTicket(String peerId, PeerPublicKey publicKey, Set<PeerAudience> audiences, String peerName,
                         String network, Instant issuedAt, Instant expiresAt) {

    private static final int VERSION = 3;
    /** 128 bits of MAC is plenty against forgery and keeps tokens short, as for {@link Passkey}. */
    private static final int MAC_BYTES = 16;
    /**
     * The longest token a server issues is 1,206 characters (names of 128 three-byte UTF-8
     * characters); anything longer is refused before it is decoded.
     */
    private static final int MAX_TOKEN_LENGTH = 1280;
    private static final String BEARER = "Bearer ";

    public PeerTicket {
        Objects.requireNonNull(publicKey, "publicKey");
        if (!publicKey.peerId().equals(peerId)) {
            throw new IllegalArgumentException("peer id '" + peerId + "' is not the id of key " + publicKey.encode());
        }
        audiences = audiences.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(audiences));
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

    /** A ticket for {@code key}'s network, for the holder of {@code peerKey}, valid from {@code now} for {@code ttl}. */
    public static PeerTicket issue(NetworkKey key, PeerPublicKey peerKey, Set<PeerAudience> audiences, String peerName,
            Instant now, Duration ttl) {
        return new PeerTicket(peerKey.peerId(), peerKey, audiences, peerName, key.networkName(), now, now.plus(ttl));
    }

    /** The compact URL-safe token, signed with {@code key}'s ticket signing key and MACed with its secret. */
    public String encode(NetworkKey key) {
        if (!key.networkName().equals(network)) {
            throw new IllegalArgumentException("ticket of network '" + network + "' cannot be signed with the key of '"
                    + key.networkName() + "'");
        }
        int audienceBits = 0;
        for (PeerAudience audience : audiences) {
            audienceBits |= 1 << audience.ordinal();
        }
        byte[] payload = new TokenFields.Writer().writeByte(VERSION).writeLong(issuedAt.getEpochSecond())
                .writeLong(expiresAt.getEpochSecond()).writeRaw(publicKey.bytes()).writeByte(audienceBits)
                .writeText(peerName).writeText(network).toBytes();
        byte[] signature = key.ticketSigningKey().sign(payload);
        return Base64Url.encode(payload) + "." + Base64Url.encode(signature) + "."
                + Base64Url.encode(mac(key, payload, signature));
    }

    /**
     * Decodes and checks a token with the key derived from the network secret (rendezvous, tracker,
     * chatroom), without clock skew allowance: they issue the tickets or share the issuer's clock.
     * Checks the MAC, not the signature.
     *
     * @throws VerificationException MALFORMED, WRONG_NETWORK, TAMPERED (other secret or altered) or EXPIRED
     */
    public static PeerTicket verify(String token, NetworkKey key, Instant now) {
        Parts parts = Parts.split(token);
        PeerTicket ticket = parse(parts.payload(), key.networkName());
        if (!NetworkKey.macEquals(mac(key, parts.payload(), parts.signature()), parts.mac())) {
            throw new VerificationException(VerificationException.Reason.TAMPERED,
                    "peer ticket MAC does not match: altered, or issued with another network secret");
        }
        return ticket.requireUnexpired(now, Duration.ZERO);
    }

    /**
     * Decodes and checks a token with a network's public ticket key (what agents hold): the
     * signature only, since the MAC needs the secret.
     *
     * @param network the expected network name, or null to accept any name signed with {@code publicKey}
     *                (each network has its own key, so the key alone already names one network)
     * @param skew    how long after its expiry a ticket is still accepted, for clocks that differ
     *                between the issuing server and the verifier
     * @throws VerificationException MALFORMED, WRONG_NETWORK, TAMPERED (signed with another key, or
     *                               altered) or EXPIRED
     */
    public static PeerTicket verify(String token, TicketPublicKey publicKey, String network, Instant now,
            Duration skew) {
        Parts parts = Parts.split(token);
        PeerTicket ticket = parse(parts.payload(), network);
        requireSignature(parts, publicKey);
        return ticket.requireUnexpired(now, skew);
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

    private static byte[] mac(NetworkKey key, byte[] payload, byte[] signature) {
        return Arrays.copyOf(key.hmac(KeyPurpose.PEER_TICKET_MAC, payload, signature), MAC_BYTES);
    }

    private static void requireSignature(Parts parts, TicketPublicKey publicKey) {
        if (!publicKey.verifies(parts.payload(), parts.signature())) {
            throw new VerificationException(VerificationException.Reason.TAMPERED,
                    "peer ticket signature does not match: altered, or issued with another network secret");
        }
    }

    private PeerTicket requireUnexpired(Instant now, Duration skew) {
        if (!now.isBefore(expiresAt.plus(skew))) {
            throw new VerificationException(VerificationException.Reason.EXPIRED,
                    "peer ticket expired at " + expiresAt + ": register again");
        }
        return this;
    }

    /** The payload's ticket, which must be of {@code network} unless that is null. */
    private static PeerTicket parse(byte[] payload, String network) {
        PeerTicket ticket = parse(payload);
        if (network != null && !ticket.network().equals(network)) {
            throw new VerificationException(VerificationException.Reason.WRONG_NETWORK, "peer ticket is for network '"
                    + ticket.network() + "', this is '" + network + "'");
        }
        return ticket;
    }

    private static PeerTicket parse(byte[] payload) {
        TokenFields.Reader in = new TokenFields.Reader(payload, "peer ticket");
        int version = in.readByte();
        if (version != VERSION) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "peer ticket version " + version + " is not supported (expected " + VERSION
                            + "): register again with a rendezvous server to get a current ticket");
        }
        long issued = in.readLong();
        long expires = in.readLong();
        byte[] key = in.readBytes(Ed25519.KEY_BYTES);
        int audienceBits = in.readByte();
        String name = in.readText();
        String network = in.readText();
        in.requireEnd();
        Set<PeerAudience> audiences = EnumSet.noneOf(PeerAudience.class);
        for (PeerAudience audience : PeerAudience.values()) {
            if ((audienceBits & 1 << audience.ordinal()) != 0) {
                audiences.add(audience);
            }
        }
        try {
            PeerPublicKey publicKey = PeerPublicKey.of(key);
            return new PeerTicket(publicKey.peerId(), publicKey, audiences, name, network,
                    Instant.ofEpochSecond(issued), Instant.ofEpochSecond(expires));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "peer ticket fields are invalid: " + e.getMessage());
        }
    }

    /** The decoded parts of a token. */
    private record Parts(byte[] payload, byte[] signature, byte[] mac) {

        static Parts split(String token) {
            if (token == null || token.length() > MAX_TOKEN_LENGTH) {
                throw new VerificationException(VerificationException.Reason.MALFORMED,
                        "peer ticket is missing or longer than " + MAX_TOKEN_LENGTH + " characters");
            }
            String[] parts = token.strip().split("\\.", -1);
            if (parts.length != 3) {
                throw new VerificationException(VerificationException.Reason.MALFORMED,
                        "peer ticket must be Base64url parts joined by '.': payload.signature.MAC");
            }
            byte[] payload = Base64Url.decode(parts[0], "peer ticket payload");
            byte[] signature = Base64Url.decode(parts[1], "peer ticket signature");
            byte[] mac = Base64Url.decode(parts[2], "peer ticket MAC");
            if (mac.length != MAC_BYTES) {
                throw new VerificationException(VerificationException.Reason.MALFORMED,
                        "peer ticket MAC must be " + MAC_BYTES + " bytes, got " + mac.length);
            }
            return new Parts(payload, signature, mac);
        }
    }
}
