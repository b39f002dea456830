package net.p2pnet.tracker.udp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import net.p2pnet.tracker.announce.AnnounceService;
import net.p2pnet.tracker.config.TrackerProperties;
import net.p2pnet.tracker.metrics.TrackerMetrics;
import net.p2pnet.tracker.scrape.ScrapeService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Opens the UDP tracker once the HTTP server has its port, because by default (BEP 15 custom) the
 * UDP tracker listens on the same port number, {@code udp://host:6969} next to {@code http://host:6969}.
 */
@Component
public class UdpTrackerStarter implements ApplicationListener<WebServerInitializedEvent>, DisposableBean {

    private final AnnounceService announces;
    private final ScrapeService scrapes;
    private final TrackerMetrics metrics;
    private final TrackerProperties properties;
    private final Clock clock;
    private final String bindAddress;
    private volatile UdpTracker tracker;

    public UdpTrackerStarter(AnnounceService announces, ScrapeService scrapes, TrackerMetrics metrics,
                             TrackerProperties properties, Clock clock,
                             @Value("${server.address:}") String bindAddress) {
        this.announces = announces;
        this.scrapes = scrapes;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        this.bindAddress = bindAddress;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        boolean mainServer = event.getApplicationContext().getServerNamespace() == null;
        if (!properties.udp().enabled() || !mainServer || tracker != null) {
            return;
        }
        int port = properties.udp().port() == 0 ? event.getWebServer().getPort() : properties.udp().port();
        UdpRequestHandler handler = new UdpRequestHandler(announces, scrapes, metrics, clock,
                properties.honourIpParameter());
        try {
            // Same interface as HTTP: server.address, when set, restricts both.
            InetSocketAddress address = bindAddress.isBlank() ? new InetSocketAddress(port)
                    : new InetSocketAddress(bindAddress, port);
            tracker = new UdpTracker(handler, address);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the UDP tracker on port " + port
                    + " (set p2pnet.tracker.udp.port, or p2pnet.tracker.udp.enabled=false)", e);
        }
    }

    /** The UDP port, or -1 when the UDP tracker is off. */
    public int port() {
        UdpTracker current = tracker;
        return current == null ? -1 : current.localPort();
    }

    @Override
    public void destroy() throws IOException {
        if (tracker != null) {
            tracker.close();
        }
    }
}
