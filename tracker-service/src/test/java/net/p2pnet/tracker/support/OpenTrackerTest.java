package net.p2pnet.tracker.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A real open-mode tracker on random ports (HTTP and UDP on the same number). Every test class using
 * it shares one Spring context, so tests use their own random info-hashes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.network.secret=test-network-secret-0123456789",
        "p2pnet.data-dir=./target/test-data/${random.uuid}",
        "p2pnet.tracker.interval=60s",
        "p2pnet.tracker.min-interval=30s",
        "p2pnet.tracker.default-numwant=3",
        "p2pnet.tracker.max-numwant=5",
        // Many test classes announce from 127.0.0.1 within a minute; QuotaTest checks the quotas.
        "p2pnet.tracker.quotas.new-swarms-per-address=100000",
        "p2pnet.tracker.quotas.announces-per-address=100000",
        "p2pnet.tracker.operator-token=" + OpenTrackerTest.OPERATOR_TOKEN})
public @interface OpenTrackerTest {

    String OPERATOR_TOKEN = "test-operator-token-0123456789abcdef";
}
