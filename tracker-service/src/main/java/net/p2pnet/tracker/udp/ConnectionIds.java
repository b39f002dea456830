package net.p2pnet.tracker.udp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * BEP 15 connection ids that need no server state and cannot be forged: the first 8 bytes of an
 * HMAC-SHA-256, under a key drawn at start, over the client's address, port and the current minute.
 * An id is accepted during its minute and the next, so a client may use it for the 1 minute BEP 15
 * promises whatever the phase. Only someone who receives our packets at that address learns one,
 * which is what stops UDP announces with spoofed source addresses.
 */
final class ConnectionIds {

    private static final long PERIOD_MILLIS = 60_000;

    private final Mac mac;
    private final Clock clock;
    private final ByteBuffer input = ByteBuffer.allocate(16 + 2 + 8);

    ConnectionIds(Clock clock) {
        this.clock = clock;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException jdkWithoutHmac) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", jdkWithoutHmac);
        }
    }

    /** Not thread-safe: the UDP tracker handles packets on one thread. */
    long issue(byte[] address, int port) {
        return id(address, port, clock.millis() / PERIOD_MILLIS);
    }

    boolean valid(long connectionId, byte[] address, int port) {
        long period = clock.millis() / PERIOD_MILLIS;
        return connectionId == id(address, port, period) || connectionId == id(address, port, period - 1);
    }

    private long id(byte[] address, int port, long period) {
        input.clear();
        input.put(address).putShort((short) port).putLong(period).flip();
        mac.update(input);
        return ByteBuffer.wrap(mac.doFinal()).getLong();
    }
}
