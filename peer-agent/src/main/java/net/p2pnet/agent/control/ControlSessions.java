package net.p2pnet.agent.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.p2pnet.agent.config.AgentProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Browser sessions of the web UI after a login with the API token. The cookie holds
 * {@code base64url(nonce | expiry) "." base64url(HMAC-SHA-256)} under a key derived from the token,
 * never the token itself: a leaked cookie (a browser profile, a proxy log) expires, is revoked by
 * logging out, and does not open the bearer-token API; changing the token ends every session. The
 * agent keeps no session table, so sessions survive a restart; only logged-out nonces are
 * remembered (in memory, until they would have expired anyway).
 */
@Component
public class ControlSessions {

    static final String COOKIE = "p2pnet_session";
    static final Duration LIFETIME = Duration.ofDays(7);
    private static final String HMAC = "HmacSHA256";
    private static final int NONCE_BYTES = 16;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> loggedOut = new ConcurrentHashMap<>();

    @Autowired
    public ControlSessions(AgentProperties properties) {
        this(properties.control().apiToken(), Clock.systemUTC());
    }

    ControlSessions(String apiToken, Clock clock) {
        this.clock = clock;
        this.key = apiToken == null || apiToken.isBlank() ? null
                : new SecretKeySpec(mac(new SecretKeySpec(apiToken.getBytes(StandardCharsets.UTF_8), HMAC),
                        "p2pnet agent web session v1".getBytes(StandardCharsets.US_ASCII)), HMAC);
    }

    /** A new session value; call only after the token was checked. */
    String issue() {
        if (key == null) {
            throw new IllegalStateException("no API token is configured");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] payload = ByteBuffer.allocate(NONCE_BYTES + Long.BYTES).put(nonce)
                .putLong(clock.instant().plus(LIFETIME).getEpochSecond()).array();
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(key, payload));
    }

    boolean isValid(String value) {
        byte[] payload = verifiedPayload(value);
        if (payload == null) {
            return false;
        }
        Instant expiry = Instant.ofEpochSecond(ByteBuffer.wrap(payload, NONCE_BYTES, Long.BYTES).getLong());
        return clock.instant().isBefore(expiry) && !loggedOut.containsKey(nonceOf(payload));
    }

    /**
     * The CSRF token of a valid session: an HMAC of the session's payload under the same key, so it
     * is bound to that session (dies with it) and needs no table. Only a page that can read the
     * agent's answers gets it (from {@code GET /api/v1/session}); another site's page cannot.
     */
    String csrfToken(String session) {
        byte[] payload = verifiedPayload(session);
        if (payload == null) {
            throw new IllegalArgumentException("not a session of this agent");
        }
        return ENCODE.encodeToString(mac(key, csrfInput(payload)));
    }

    boolean csrfTokenMatches(String session, String presented) {
        byte[] payload = verifiedPayload(session);
        if (payload == null || presented == null) {
            return false;
        }
        // constant-time, like every other secret comparison here
        return MessageDigest.isEqual(ENCODE.encodeToString(mac(key, csrfInput(payload))).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] csrfInput(byte[] payload) {
        byte[] label = "csrf".getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(label.length + payload.length).put(label).put(payload).array();
    }

    /** Ends a session for good (the cookie is also cleared, but a copy of it must not work either). */
    void revoke(String value) {
        byte[] payload = verifiedPayload(value);
        if (payload == null) {
            return;
        }
        Instant now = clock.instant();
        loggedOut.values().removeIf(expiry -> expiry.isBefore(now));
        loggedOut.put(nonceOf(payload),
                Instant.ofEpochSecond(ByteBuffer.wrap(payload, NONCE_BYTES, Long.BYTES).getLong()));
    }

    /** The payload when {@code value} carries our MAC, else null. */
    private byte[] verifiedPayload(String value) {
        if (key == null || value == null) {
            return null;
        }
        int dot = value.indexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            byte[] payload = DECODE.decode(value.substring(0, dot));
            byte[] tag = DECODE.decode(value.substring(dot + 1));
            if (payload.length != NONCE_BYTES + Long.BYTES) {
                return null;
            }
            // constant-time: the answer time must not tell how much of a forged tag was right
            return MessageDigest.isEqual(tag, mac(key, payload)) ? payload : null;
        } catch (IllegalArgumentException e) {
            return null; // not base64url: a mangled or forged cookie
        }
    }

    private static String nonceOf(byte[] payload) {
        return ENCODE.encodeToString(java.util.Arrays.copyOf(payload, NONCE_BYTES));
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }
}
