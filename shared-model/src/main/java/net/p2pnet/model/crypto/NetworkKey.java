package net.p2pnet.model.crypto;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The keys of one network, derived from its name and secret with HKDF-SHA-256 (RFC 5869, Bouncy
 * Castle's implementation): the secret is the input keying material, {@code "p2pnet/v1/" + name}
 * the salt (so two networks with the same password still have different keys) and the
 * {@link KeyPurpose} label the info. The secret itself is not kept.
 */
public final class NetworkKey {

    private static final String HMAC = "HmacSHA256";
    private static final int KEY_BYTES = 32;

    private final String networkName;
    private final Map<KeyPurpose, byte[]> subKeys = new EnumMap<>(KeyPurpose.class);
    private final TicketSigningKey ticketSigningKey;

    private NetworkKey(String networkName, byte[] secret) {
        this.networkName = networkName;
        byte[] salt = ("p2pnet/v1/" + networkName).getBytes(StandardCharsets.UTF_8);
        for (KeyPurpose purpose : KeyPurpose.values()) {
            HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
            hkdf.init(new HKDFParameters(secret, salt, purpose.label().getBytes(StandardCharsets.UTF_8)));
            byte[] key = new byte[KEY_BYTES];
            hkdf.generateBytes(key, 0, KEY_BYTES);
            subKeys.put(purpose, key);
        }
        this.ticketSigningKey = TicketSigningKey.fromSeed(subKeys.get(KeyPurpose.PEER_TICKET_SIGNING));
    }

    /** Derives the keys of network {@code networkName}; the caller checks the secret's strength. */
    public static NetworkKey derive(String networkName, String secret) {
        Objects.requireNonNull(networkName, "networkName");
        if (networkName.isBlank()) {
            throw new IllegalArgumentException("network name is empty");
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("network secret is empty");
        }
        return new NetworkKey(networkName, secret.getBytes(StandardCharsets.UTF_8));
    }

    public String networkName() {
        return networkName;
    }

    /** HMAC-SHA-256 with the sub-key for {@code purpose} over the concatenated parts. */
    public byte[] hmac(KeyPurpose purpose, byte[]... parts) {
        Mac mac = newMac(purpose);
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    /** The network's Ed25519 ticket key pair: the same on every server that holds the secret. */
    public TicketSigningKey ticketSigningKey() {
        return ticketSigningKey;
    }

    /** The public half of {@link #ticketSigningKey()}, which agents pin to verify each other's tickets. */
    public TicketPublicKey ticketPublicKey() {
        return ticketSigningKey.publicKey();
    }

    /** Constant-time comparison, so a forger learns nothing from how fast a MAC is refused. */
    public static boolean macEquals(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * A short, printable identifier of these keys: two operators compare fingerprints to check that
     * they configured the same network name and secret. It is an HKDF output of its own, so it
     * reveals nothing about the secret or the other sub-keys.
     */
    public String fingerprint() {
        String hex = HexFormat.of().formatHex(subKeys.get(KeyPurpose.FINGERPRINT), 0, 10);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            out.append(i == 0 ? "" : ":").append(hex, i, i + 4);
        }
        return out.toString();
    }

    /**
     * The join key agents present when the operator does not configure one: derived, so every
     * server of the network accepts the same key without another shared setting, yet agents that
     * hold it learn nothing about the secret.
     */
    public String derivedJoinKey() {
        return Base64Url.encode(Arrays.copyOf(subKeys.get(KeyPurpose.JOIN_KEY), 18));
    }

    private Mac newMac(KeyPurpose purpose) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(subKeys.get(purpose), HMAC));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "NetworkKey[" + networkName + ", fingerprint " + fingerprint() + "]";
    }
}
