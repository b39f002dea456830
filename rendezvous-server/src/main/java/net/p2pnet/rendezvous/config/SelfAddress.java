package net.p2pnet.rendezvous.config;

import net.p2pnet.model.net.ServerAddress;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This server's identity in the federation: the configured public address, or
 * {@code 127.0.0.1:<actual port>} once the web server has started (tests use random ports).
 */
@Component
public class SelfAddress {

    private volatile ServerAddress address;
    /** Cached: every directory entry of this server refers to it, one shared string saves memory. */
    private volatile String id;

    public SelfAddress(RendezvousProperties properties) {
        String configured = properties.publicAddress();
        if (configured != null && !configured.isBlank()) {
            set(ServerAddress.parse(configured));
        }
    }

    @EventListener
    void onWebServerStarted(WebServerInitializedEvent event) {
        if (address == null) {
            set(new ServerAddress("127.0.0.1", event.getWebServer().getPort()));
        }
    }

    private void set(ServerAddress value) {
        id = value.toString();
        address = value;
    }

    /** This server's {@code host:port}; known once the web server listens. */
    public ServerAddress address() {
        ServerAddress current = address;
        if (current == null) {
            throw new IllegalStateException("the server address is not known before the web server starts");
        }
        return current;
    }

    public String id() {
        String current = id;
        if (current == null) {
            throw new IllegalStateException("the server address is not known before the web server starts");
        }
        return current;
    }
}
