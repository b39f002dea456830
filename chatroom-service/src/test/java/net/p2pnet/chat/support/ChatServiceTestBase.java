package net.p2pnet.chat.support;

import java.util.concurrent.atomic.AtomicInteger;
import net.p2pnet.model.crypto.NetworkKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The real service on a random port with its own H2 files; every subclass shares this one Spring
 * context (same configuration), and keeps apart from the others by using its own rooms and peers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.network.name=testnet",
        "p2pnet.network.secret=" + ChatServiceTestBase.SECRET,
        "p2pnet.data-dir=./target/test-data/${random.uuid}",
        "p2pnet.chatroom.rate-limit.burst=5",
        "p2pnet.chatroom.rate-limit.refill=1",
        "p2pnet.chatroom.rate-limit.period=10s",
        "p2pnet.chatroom.member-rate-limit.burst=30",
        "p2pnet.chatroom.member-rate-limit.refill=1",
        "p2pnet.chatroom.member-rate-limit.period=10s",
        "p2pnet.chatroom.member-read-limit.burst=200",
        "p2pnet.chatroom.member-read-limit.refill=1",
        "p2pnet.chatroom.member-read-limit.period=10s",
        "p2pnet.chatroom.quota.memberships-per-member=12",
        "p2pnet.chatroom.stream-keep-alive=200ms",
        "p2pnet.chatroom.presence-timeout=60s"})
@Import(TestClockConfig.class)
public abstract class ChatServiceTestBase {

    public static final String SECRET = "test-network-secret-0123456789";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    protected NetworkKey key;

    @Autowired
    protected MutableClock clock;

    protected ChatClient peer(String peerId) {
        return ChatClient.peer(port, key, clock, peerId);
    }

    /** A room name no other test uses. */
    protected static String uniqueName(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }
}
