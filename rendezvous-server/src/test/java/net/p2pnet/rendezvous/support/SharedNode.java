package net.p2pnet.rendezvous.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One single-server network shared by the API test classes of this JVM: starting a Spring context
 * is the expensive part of these tests on a busy 2-core machine. Tests use distinct peer ids and
 * room names, so they do not see each other's data.
 */
public final class SharedNode {

    public static final String SECRET = "shared-node-test-secret-0123456789";
    private static RendezvousNode node;

    private SharedNode() {
    }

    public static synchronized RendezvousNode get() {
        if (node == null) {
            try {
                Path root = Files.createTempDirectory("rendezvous-api-test");
                node = new RendezvousNode("solo", SECRET, root)
                        .property("p2pnet.rendezvous.trusted-proxies", "127.0.0.2").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(node::stop));
        }
        return node;
    }
}
