package net.p2pnet.rendezvous.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.p2pnet.model.api.ServerStatus;
import net.p2pnet.rendezvous.config.SelfAddress;
import net.p2pnet.rendezvous.federation.ServerRegistry;
import net.p2pnet.rendezvous.peer.PeerDirectory;
import net.p2pnet.rendezvous.room.RoomDirectory;
import net.p2pnet.rendezvous.room.RoomRecord;
import net.p2pnet.support.network.NetworkProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The network status page at {@code /}: federation (servers, state, last sync), live peers per
 * home server, rooms with user counts. Server-rendered HTML without scripts, like the tracker's
 * page, so it works in any browser and in {@code curl}; every value that came from a peer, a
 * chatroom service or another server is HTML-escaped.
 */
@RestController
public class StatusPageController {

    /** A network can have many rooms; the page stays small and quick. */
    static final int MAX_ROOMS = 500;

    private final ServerRegistry servers;
    private final PeerDirectory peers;
    private final RoomDirectory rooms;
    private final SelfAddress self;
    private final NetworkProperties network;

    public StatusPageController(ServerRegistry servers, PeerDirectory peers, RoomDirectory rooms, SelfAddress self,
            NetworkProperties network) {
        this.servers = servers;
        this.peers = peers;
        this.rooms = rooms;
        this.self = self;
        this.network = network;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String status() {
        StringBuilder html = new StringBuilder(4096);
        String title = "p2pnet network " + esc(network.name()) + " — " + esc(self.id());
        html.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font-family:sans-serif;margin:1em;max-width:60em}table{border-collapse:collapse;width:100%%}
                td,th{padding:2px 8px;text-align:left;border-bottom:1px solid #ddd}td.n,th.n{text-align:right}
                .table{overflow-x:auto}.UP,.SELF{color:#060}.UNREACHABLE,.REFUSED{color:#a00}</style>
                </head><body><h1>%s</h1>
                """.formatted(title, title));
        federation(html);
        peersByHome(html);
        roomList(html);
        return html.append("<p><small>Generated ").append(Instant.now()).append("</small></p></body></html>\n")
                .toString();
    }

    private void federation(StringBuilder html) {
        List<ServerStatus> all = servers.statuses();
        html.append("<section id=\"federation\"><h2>Federation (").append(all.size()).append(" servers)</h2>")
                .append("<div class=table><table><tr><th>server</th><th>state</th><th>last sync</th>")
                .append("<th>unreachable since</th></tr>\n");
        for (ServerStatus server : all) {
            html.append("<tr><td>").append(esc(server.address())).append("</td><td class=\"")
                    .append(esc(server.state())).append("\">").append(esc(server.state())).append("</td><td>")
                    .append(time(server.lastSync())).append("</td><td>").append(time(server.unreachableSince()))
                    .append("</td></tr>\n");
        }
        html.append("</table></div></section>\n");
    }

    private void peersByHome(StringBuilder html) {
        Map<String, Long> byHome = peers.liveByHome();
        long total = byHome.values().stream().mapToLong(Long::longValue).sum();
        html.append("<section id=\"peers\"><h2>Live peers (").append(total).append(")</h2>")
                .append("<div class=table><table><tr><th>home server</th><th class=n>peers</th></tr>\n");
        byHome.forEach((home, count) -> html.append("<tr><td>").append(esc(home)).append("</td><td class=n>")
                .append(count).append("</td></tr>\n"));
        html.append("</table></div></section>\n");
    }

    private void roomList(StringBuilder html) {
        List<RoomRecord> all = rooms.list();
        html.append("<section id=\"rooms\"><h2>Rooms (").append(all.size()).append(")</h2>")
                .append("<div class=table><table><tr><th>room</th><th>topic</th><th class=n>users</th>")
                .append("<th>host</th><th>home server</th></tr>\n");
        all.stream().limit(MAX_ROOMS).forEach(room -> html.append("<tr><td>").append(esc(room.name()))
                .append("</td><td>").append(esc(room.topic())).append("</td><td class=n>").append(room.users())
                .append("</td><td>").append(esc(room.hostUrl())).append("</td><td>").append(esc(room.homeServer()))
                .append("</td></tr>\n"));
        if (all.size() > MAX_ROOMS) {
            html.append("<tr><td colspan=5>… and ").append(all.size() - MAX_ROOMS).append(" more</td></tr>\n");
        }
        html.append("</table></div></section>\n");
    }

    private static String time(Instant instant) {
        return instant == null ? "–" : instant.toString();
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
