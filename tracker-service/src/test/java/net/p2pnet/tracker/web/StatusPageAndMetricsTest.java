package net.p2pnet.tracker.web;

import static net.p2pnet.tracker.support.Announce.id20;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.OpenTrackerTest;
import net.p2pnet.tracker.support.TrackerHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@OpenTrackerTest
class StatusPageAndMetricsTest {

    @LocalServerPort
    private int port;

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void statusPageListsSwarmsWithSeedersLeechersAndCompleted() throws Exception {
        byte[] hash = id20("status-page-swarm");
        TrackerHttp tracker = TrackerHttp.loopback(port);
        tracker.announce(Announce.of(hash, id20("s1"), 9201).set("left", "0").set("event", "completed"));
        tracker.announce(Announce.of(hash, id20("l1"), 9202));
        tracker.announce(Announce.of(hash, id20("l2"), 9203));

        String page = get("/");
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<title>p2pnet tracker</title>");
        assertThat(page).contains("<tr><td class=l><code>" + HexFormat.of().formatHex(hash)
                + "</code></td><td class=l></td><td>1</td><td>2</td><td>1</td></tr>");
    }

    @Test
    void prometheusExposesTrackerMetrics() throws Exception {
        byte[] hash = id20("metrics-swarm");
        TrackerHttp.loopback(port).announce(Announce.of(hash, id20("m1"), 9301).set("event", "started"));
        TrackerHttp.loopback(port).get("/scrape?info_hash=" + Announce.encode(hash));

        String metrics = get("/actuator/prometheus");
        assertThat(metrics).containsPattern("p2pnet_tracker_announces_total\\{[^}]*event=\"started\",[^}]*protocol=\"http\"[^}]*\\} [1-9]");
        assertThat(metrics).containsPattern("p2pnet_tracker_swarms\\{[^}]*\\} [1-9]");
        assertThat(metrics).containsPattern("p2pnet_tracker_peers\\{[^}]*state=\"leecher\"[^}]*\\} [1-9]");
        assertThat(metrics).contains("p2pnet_tracker_peers{").contains("state=\"seeder\"");
        assertThat(metrics).contains("p2pnet_tracker_completed_total");
        assertThat(metrics).containsPattern("p2pnet_tracker_requests_seconds_count\\{[^}]*endpoint=\"scrape\"[^}]*protocol=\"http\"[^}]*\\} [1-9]");
    }
}
