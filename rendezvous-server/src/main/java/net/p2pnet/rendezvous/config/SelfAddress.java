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

    public SelfAddress(RendezvousProperties properties) {
        String configured = properties.publicAddress();
        this.address = configured == null || configured.isBlank() ? null : ServerAddress.parse(configured);
    }

    @EventListener
    void onWebServerStarted(WebServerInitializedEvent event) {
        if (address == null) {
            address = new ServerAddress("127.0.0.1", event.getWebServer().getPort());
        }
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
        return address().toString();
    }
}
