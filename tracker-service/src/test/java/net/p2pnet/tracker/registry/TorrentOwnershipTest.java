package net.p2pnet.tracker.registry;

import static net.p2pnet.tracker.support.Announce.id20;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HexFormat;
import net.p2pnet.model.api.TrackedTorrent;
import net.p2pnet.tracker.support.Announce;
import net.p2pnet.tracker.support.Api;
import net.p2pnet.tracker.support.PrivateTracker;
import net.p2pnet.tracker.support.Torrents;
import net.p2pnet.tracker.support.TrackerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The registry records who registered a torrent; only that member or the operator may delete it. */
@PrivateTracker
class TorrentOwnershipTest {

    @LocalServerPort
    private int port;
    @TempDir
    private Path dir;
    private final String alice = PrivateTracker.Members.passkey("alice");
    private final String bob = PrivateTracker.Members.passkey("bob");

    private String registeredBy(String passkey, String name) throws Exception {
        return Api.rest(port).post().uri("/api/v1/torrents").header("X-Passkey", passkey)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(Api.form(Torrents.singleFile(dir, name, 2000), null))
                .retrieve().body(TrackedTorrent.class).infoHash();
    }

    private int delete(String hash, String header, String value) {
        RestClient.RequestHeadersSpec<?> request = Api.rest(port).delete().uri("/api/v1/torrents/{h}", hash);
        if (header != null) {
            request = request.header(header, value);
        }
        return request.retrieve().toBodilessEntity().getStatusCode().value();
    }

    private boolean tracked(String hash, String peer) {
        return !TrackerHttp.loopback(port).announce(Announce.of(HexFormat.of().parseHex(hash), id20(peer), 9700)
                .set("passkey", alice)).containsKey("failure reason");
    }

    @Test
    void anotherMembersPasskeyCannotDeleteATorrentButItsOwnerCan() throws Exception {
        String hash = registeredBy(alice, "alice-owns.bin");
        Api.assertProblem(Api.rest(port).delete().uri("/api/v1/torrents/{h}", hash).header("X-Passkey", bob)
                .retrieve().toEntity(String.class), 403, "only the member who registered");
        Api.assertProblem(Api.rest(port).delete().uri("/api/v1/torrents/{h}?passkey={p}", hash, bob)
                .retrieve().toEntity(String.class), 403, "only the member who registered");
        assertThat(delete(hash, null, null)).isEqualTo(401);
        assertThat(tracked(hash, "still-there")).as("the torrent is still tracked for everyone").isTrue();

        assertThat(delete(hash, "X-Passkey", alice)).isEqualTo(204);
        assertThat(tracked(hash, "gone")).isFalse();
    }

    @Test
    void theOperatorTokenDeletesAnyTorrentAndAWrongTokenIsRefused() throws Exception {
        String hash = registeredBy(bob, "bob-owns.bin");
        assertThat(delete(hash, "X-Operator-Token", PrivateTracker.OPERATOR_TOKEN + "x")).isEqualTo(401);
        assertThat(delete(hash, "X-Operator-Token", "")).isEqualTo(401);
        assertThat(tracked(hash, "before")).isTrue();
        assertThat(delete(hash, "X-Operator-Token", PrivateTracker.OPERATOR_TOKEN)).isEqualTo(204);
        assertThat(tracked(hash, "after")).isFalse();
    }
}
