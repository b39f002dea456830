package net.p2pnet.rendezvous.room;

import static net.p2pnet.rendezvous.support.Problems.assertProblem;
import static net.p2pnet.rendezvous.support.TestHttp.get;
import static net.p2pnet.rendezvous.support.TestHttp.json;
import static net.p2pnet.rendezvous.support.TestHttp.post;
import static net.p2pnet.rendezvous.support.TestHttp.signed;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import net.p2pnet.model.api.AnnouncedRoom;
import net.p2pnet.model.api.RoomAnnouncement;
import net.p2pnet.model.crypto.KeyPurpose;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.rendezvous.support.RendezvousNode;
import net.p2pnet.rendezvous.support.SharedNode;
import net.p2pnet.rendezvous.support.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RoomApiTest {

    private static final String ANNOUNCE = "/api/v1/rooms/announce";
    private final RendezvousNode node = SharedNode.get();

    @Test
    void aSignedAnnouncementListsTheRoomsAndAReannouncementReplacesThem() {
        String service = "http://chat-one.test:8800";
        assertThat(announce(new RoomAnnouncement(service, List.of(new AnnouncedRoom("lobby-1", "hello", 3),
                new AnnouncedRoom("dev-1", null, 1)))).statusCode()).isEqualTo(204);
        JsonNode lobby = json(get(node.url("/api/v1/rooms/lobby-1")));
        assertThat(lobby.get("users").asInt()).isEqualTo(3);
        assertThat(lobby.get("topic").asString()).isEqualTo("hello");
        assertThat(lobby.get("hostUrl").asString()).isEqualTo(service);
        assertThat(lobby.get("homeServer").asString()).isEqualTo(node.address());
        assertThat(names()).contains("lobby-1", "dev-1");

        assertThat(announce(new RoomAnnouncement(service, List.of(new AnnouncedRoom("lobby-1", "hello", 7))))
                .statusCode()).isEqualTo(204);
        assertThat(json(get(node.url("/api/v1/rooms/lobby-1"))).get("users").asInt()).isEqualTo(7);
        assertThat(names()).contains("lobby-1").doesNotContain("dev-1");
        assertProblem(get(node.url("/api/v1/rooms/dev-1")), 404, "no room 'dev-1'");
    }

    @Test
    void unsignedForgedAndReplayedAnnouncementsAreRefusedAndStoreNothing() {
        String body = TestHttp.toJson(new RoomAnnouncement("http://evil.test:1",
                List.of(new AnnouncedRoom("evil-room", "", 1))));
        assertProblem(post(node.url(ANNOUNCE), body), 401, "X-P2pnet-Signer");
        NetworkKey wrong = NetworkKey.derive(RendezvousNode.NETWORK, "not-the-network-secret-000");
        assertProblem(post(node.url(ANNOUNCE), body, signed(wrong, KeyPurpose.SERVICE_CREDENTIAL, "chat", "POST",
                ANNOUNCE, body)), 401, "another network secret");
        // The federation key is not the service credential: one sub-key per purpose.
        assertProblem(post(node.url(ANNOUNCE), body, signed(node.key(), KeyPurpose.FEDERATION, "chat", "POST",
                ANNOUNCE, body)), 401, null);
        String[] headers = signed(node.key(), KeyPurpose.SERVICE_CREDENTIAL, "chat", "POST", ANNOUNCE, body);
        String altered = body.replace("evil-room", "evil-roam");
        assertProblem(post(node.url(ANNOUNCE), altered, headers), 401, "altered");
        assertThat(names()).doesNotContain("evil-room", "evil-roam");

        assertThat(post(node.url(ANNOUNCE), body, headers).statusCode()).isEqualTo(204);
        assertProblem(post(node.url(ANNOUNCE), body, headers), 401, "replayed");
    }

    @Test
    void invalidAnnouncementsAreRefusedWholeWithAClearDetail() {
        assertBad(new RoomAnnouncement("ftp://chat.test", List.of()), "serviceUrl must be an http(s) URL");
        assertBad(new RoomAnnouncement("http://chat-bad.test:8800", List.of(new AnnouncedRoom("ok-room", "", 1),
                new AnnouncedRoom("", "", 1))), "room name must be 1-128");
        assertBad(new RoomAnnouncement("http://chat-bad.test:8800", List.of(new AnnouncedRoom("ok-room", "", -1))),
                "users of room 'ok-room'");
        assertBad(new RoomAnnouncement("http://chat-bad.test:8800", List.of(new AnnouncedRoom("ok-room", "", 1),
                new AnnouncedRoom("ok-room", "", 2))), "listed twice");
        List<AnnouncedRoom> many = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            many.add(new AnnouncedRoom("r" + i, "", 0));
        }
        assertBad(new RoomAnnouncement("http://chat-bad.test:8800", many), "at most 1000 rooms");
        String malformed = "{\"serviceUrl\": ";
        assertProblem(post(node.url(ANNOUNCE), malformed, signed(node.key(), KeyPurpose.SERVICE_CREDENTIAL, "chat",
                "POST", ANNOUNCE, malformed)), 400, "malformed JSON");
        assertThat(names()).doesNotContain("ok-room");
    }

    private void assertBad(RoomAnnouncement announcement, String detail) {
        assertProblem(announce(announcement), 400, detail);
    }

    private HttpResponse<String> announce(RoomAnnouncement announcement) {
        String body = TestHttp.toJson(announcement);
        return post(node.url(ANNOUNCE), body, signed(node.key(), KeyPurpose.SERVICE_CREDENTIAL, "http://chat.test",
                "POST", ANNOUNCE, body));
    }

    private List<String> names() {
        return StreamSupport.stream(json(get(node.url("/api/v1/rooms"))).spliterator(), false)
                .map(room -> room.get("name").asString()).toList();
    }
}
