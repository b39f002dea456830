package net.p2pnet.tracker.web;

import java.util.Comparator;
import java.util.List;
import net.p2pnet.tracker.registry.RegisteredTorrent;
import net.p2pnet.tracker.registry.TorrentCatalog;
import net.p2pnet.tracker.swarm.SwarmRegistry;
import net.p2pnet.tracker.swarm.SwarmSnapshot;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** A plain HTML page at {@code /} listing swarms, like bttrack's: no scripts, readable in any browser. */
@RestController
public class StatusPageController {

    /** The page lists the busiest swarms only, so a huge open tracker still answers quickly. */
    static final int MAX_ROWS = 1000;

    private final SwarmRegistry swarms;
    private final TorrentCatalog catalog;

    public StatusPageController(SwarmRegistry swarms, TorrentCatalog catalog) {
        this.swarms = swarms;
        this.catalog = catalog;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String status() {
        List<SwarmSnapshot> all = swarms.snapshot();
        long seeders = all.stream().mapToLong(s -> s.stats().seeders()).sum();
        long leechers = all.stream().mapToLong(s -> s.stats().leechers()).sum();
        long completed = all.stream().mapToLong(s -> s.stats().downloaded()).sum();
        StringBuilder html = new StringBuilder(4096).append("""
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>p2pnet tracker</title>
                <style>body{font-family:sans-serif}td,th{padding:2px 8px;text-align:right}td.l,th.l{text-align:left}</style>
                </head><body><h1>p2pnet tracker</h1>
                """);
        html.append("<p>").append(all.size()).append(" swarms, ").append(seeders).append(" seeders, ")
                .append(leechers).append(" leechers, ").append(completed).append(" completed downloads; ")
                .append(catalog.all().size()).append(" registered torrents.</p>\n")
                .append("<table><tr><th class=l>info-hash</th><th class=l>name</th><th>seeders</th>")
                .append("<th>leechers</th><th>completed</th></tr>\n");
        all.stream().sorted(Comparator.comparingLong((SwarmSnapshot s) -> s.stats().seeders() + s.stats().leechers())
                        .reversed()).limit(MAX_ROWS)
                .forEach(s -> row(html, s));
        return html.append("</table></body></html>\n").toString();
    }

    private void row(StringBuilder html, SwarmSnapshot swarm) {
        String name = catalog.get(swarm.infoHash()).map(RegisteredTorrent::name).orElse("");
        html.append("<tr><td class=l><code>").append(swarm.infoHash().hex()).append("</code></td><td class=l>")
                .append(HtmlUtils.htmlEscape(name)).append("</td><td>").append(swarm.stats().seeders())
                .append("</td><td>").append(swarm.stats().leechers()).append("</td><td>")
                .append(swarm.stats().downloaded()).append("</td></tr>\n");
    }
}
