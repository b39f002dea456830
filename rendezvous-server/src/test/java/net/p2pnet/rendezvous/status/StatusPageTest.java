package net.p2pnet.rendezvous.status;

import static net.p2pnet.rendezvous.support.TestHttp.get;
import static net.p2pnet.rendezvous.support.TestHttp.post;
import static net.p2pnet.rendezvous.support.TestHttp.signed;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import net.p2pnet.model.api.AnnouncedRoom;
import net.p2pnet.model.api.PeerRegistration;
import net.p2pnet.model.api.RoomAnnouncement;
import net.p2pnet.model.crypto.KeyPurpose;
import net.p2pnet.rendezvous.support.RendezvousNode;
import net.p2pnet.rendezvous.support.SharedNode;
import net.p2pnet.rendezvous.support.TestHttp;
import net.p2pnet.rendezvous.support.TestPeer;
import org.junit.jupiter.api.Test;

class StatusPageTest {

    private static final String ANNOUNCE = "/api/v1/rooms/announce";
    private final RendezvousNode node = SharedNode.get();

    @Test
    void statusPageListsThisServerItsLivePeersAndRoomsWithUserCounts() {
        TestPeer.registered(node, "status-page-peer", 6881);
        announce(new RoomAnnouncement("http://chat-status.test:8800",
                List.of(new AnnouncedRoom("status-lobby", "all welcome", 4))));

        HttpResponse<String> page = get(node.url("/"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        String html = page.body();
        assertThat(html).contains("<section id=\"federation\">")
                .contains("<td>" + node.address() + "</td><td class=\"SELF\">SELF</td>");
        assertThat(html).containsPattern("<tr><td>" + node.address().replace(".", "\\.") + "</td><td class=n>[1-9]\\d*</td>");
        assertThat(html).contains("<tr><td>status-lobby</td><td>all welcome</td><td class=n>4</td>"
                + "<td>http://chat-status.test:8800</td>");
    }

    @Test
    void textFromChatroomServicesIsEscapedNotRendered() {
        announce(new RoomAnnouncement("http://chat-hostile.test:8800",
                List.of(new AnnouncedRoom("hostile-topic", "<script>alert(1)</script> & more", 1))));

        String html = get(node.url("/")).body();

        assertThat(html).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    }

    private void announce(RoomAnnouncement announcement) {
        String body = TestHttp.toJson(announcement);
        HttpResponse<String> response = post(node.url(ANNOUNCE), body,
                signed(node.key(), KeyPurpose.SERVICE_CREDENTIAL, "http://chat.test", "POST", ANNOUNCE, body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }
}
