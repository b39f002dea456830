package net.p2pnet.tracker.http;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Serves tracker requests straight from Tomcat's engine pipeline, ahead of the servlet filter chain.
 * Announces are tiny and arrive on fresh connections by the thousand per second; the filters Spring
 * Boot installs for the REST API (request observation, encoding, form and context filters) and the
 * servlet dispatch cost more than the announce itself, so tracker paths skip them (measured in
 * docs/benchmarks.md). Every other path continues down the pipeline unchanged.
 */
public final class BitTorrentValve extends ValveBase {

    private final BitTorrentHttpHandler handler;

    public BitTorrentValve(BitTorrentHttpHandler handler) {
        super(true);
        this.handler = handler;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        TrackerPath path = TrackerPath.of(request.getRequestURI());
        if (path == null) {
            getNext().invoke(request, response);
            return;
        }
        handler.handle(request, response, path);
    }
}
