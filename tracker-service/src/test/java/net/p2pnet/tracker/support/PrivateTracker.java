package net.p2pnet.tracker.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.Passkey;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A real private-mode tracker on random ports (HTTP and UDP on the same number), with an allowed
 * directory and an operator token. Test classes using it share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.network.name=private-test",
        "p2pnet.network.secret=private-network-secret-0123456789",
        "p2pnet.data-dir=./target/test-data/${random.uuid}",
        "p2pnet.tracker.mode=private",
        "p2pnet.tracker.allowed-dir=./target/test-data/${random.uuid}/allowed",
        "p2pnet.tracker.allowed-dir-scan=200ms",
        "p2pnet.tracker.operator-token=" + PrivateTracker.OPERATOR_TOKEN})
public @interface PrivateTracker {

    String OPERATOR_TOKEN = "private-operator-token-0123456789abcdef";

    /** Passkeys of this tracker's network. */
    final class Members {

        public static final NetworkKey NETWORK = NetworkKey.derive("private-test", "private-network-secret-0123456789");

        private Members() {
        }

        /** A valid passkey of this member for the next hour. */
        public static String passkey(String peerId) {
            return new Passkey(peerId, Instant.now().plusSeconds(3600)).encode(NETWORK);
        }
    }
}
