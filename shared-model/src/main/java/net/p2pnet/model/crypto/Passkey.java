package net.p2pnet.model.crypto;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A private tracker's passkey, derived from a {@link PeerTicket}. Private BitTorrent trackers put a
 * per-user key in the announce URL ({@code /a/{passkey}/announce} or {@code ?passkey=}) because
 * standard clients send nothing else that identifies the user; ours is self-contained so the
 * tracker verifies it offline: {@code base64url(version | expiry | peer id | MAC[0..16))}, MAC with
 * the {@link KeyPurpose#TRACKER_PASSKEY} sub-key. Only URL-safe characters ({@code A-Z a-z 0-9 - _}).
 */
public record Passkey(String peerId, Instant expiresAt) {

    private static final int VERSION = 1;
    /** 128 bits of MAC is plenty against forgery and keeps announce URLs short. */
    private static final int MAC_BYTES = 16;
    private static final int MAX_LENGTH = 256;

    public Passkey {
        TokenFields.requirePeerId(peerId);
        expiresAt = Instant.ofEpochSecond(Objects.requireNonNull(expiresAt, "expiresAt").getEpochSecond());
    }

    /** The passkey of the peer a ticket was issued to, expiring with the ticket. */
    public static Passkey of(PeerTicket ticket) {
        return new Passkey(ticket.peerId(), ticket.expiresAt());
    }

    /** The URL-safe passkey string. */
    public String encode(NetworkKey key) {
        byte[] payload = payload();
        byte[] mac = Arrays.copyOf(key.hmac(KeyPurpose.TRACKER_PASSKEY, payload), MAC_BYTES);
        return Base64Url.encode(new TokenFields.Writer().writeRaw(payload).writeRaw(mac).toBytes());
    }

    /**
     * Decodes and checks a passkey.
     *
     * @throws VerificationException MALFORMED, TAMPERED (altered, or another network's key) or EXPIRED
     */
    public static Passkey verify(String passkey, NetworkKey key, Instant now) {
        if (passkey == null || passkey.length() > MAX_LENGTH) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "passkey is missing or longer than " + MAX_LENGTH + " characters");
        }
        byte[] bytes = Base64Url.decode(passkey, "passkey");
        if (bytes.length < 1 + 8 + 1 + MAC_BYTES) {
            throw new VerificationException(VerificationException.Reason.MALFORMED, "passkey is too short");
        }
        byte[] payload = Arrays.copyOf(bytes, bytes.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(bytes, payload.length, bytes.length);
        Passkey parsed = parse(payload);
        if (!NetworkKey.macEquals(Arrays.copyOf(key.hmac(KeyPurpose.TRACKER_PASSKEY, payload), MAC_BYTES), mac)) {
            throw new VerificationException(VerificationException.Reason.TAMPERED,
                    "passkey does not match: altered, or issued for another network");
        }
        if (!now.isBefore(parsed.expiresAt())) {
            throw new VerificationException(VerificationException.Reason.EXPIRED,
                    "passkey expired at " + parsed.expiresAt() + ": get a new one by registering again");
        }
        return parsed;
    }

    private byte[] payload() {
        return new TokenFields.Writer().writeByte(VERSION).writeLong(expiresAt.getEpochSecond())
                .writeRaw(peerId.getBytes(StandardCharsets.US_ASCII)).toBytes();
    }

    private static Passkey parse(byte[] payload) {
        TokenFields.Reader in = new TokenFields.Reader(payload, "passkey");
        int version = in.readByte();
        if (version != VERSION) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "passkey version " + version + " is not supported");
        }
        long expires = in.readLong();
        String peerId = new String(in.readRest(), StandardCharsets.US_ASCII);
        try {
            return new Passkey(peerId, Instant.ofEpochSecond(expires));
        } catch (RuntimeException e) {
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "passkey fields are invalid: " + e.getMessage());
        }
    }
}
