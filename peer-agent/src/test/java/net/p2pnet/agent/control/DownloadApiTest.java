package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.p2pnet.agent.support.RunningAgent;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BList;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.model.bencode.Bencode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input on {@code /api/v1/downloads} and {@code /api/v1/settings}: clear problems, nothing added. */
class DownloadApiTest {

    @TempDir
    static Path data;
    private static RunningAgent agent;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        agent = RunningAgent.start(data);
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @Test
    void unknownDownloadIdsAre404Problems() throws Exception {
        for (String path : new String[] {"/api/v1/downloads/nope", "/api/v1/downloads/nope/pieces"}) {
            HttpResponse<String> response = agent.get(path);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("no download with id 'nope'");
        }
        assertThat(agent.postJson("/api/v1/downloads/nope/pause", "").statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/downloads/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void malformedLinksAreRefusedWithTheReason() throws Exception {
        for (String link : new String[] {"ed2k://|file|x|notasize|abc|/", "magnet:?xt=urn:btih:123", "gopher://x",
                ""}) {
            HttpResponse<String> response = agent.postJson("/api/v1/downloads", "{\"link\":\"" + link + "\"}");
            assertThat(response.statusCode()).as(link).isEqualTo(400);
            assertThat(response.body()).contains("\"detail\"");
        }
        assertThat(agent.get("/api/v1/downloads").body()).isEqualTo("[]");
    }

    @Test
    void torrentWithTraversalPathIsRefused() throws Exception {
        BDictionary file = BDictionary.builder().put("length", 10)
                .put("path", BList.of(BString.of(".."), BString.of("etc"), BString.of("passwd"))).build();
        BDictionary info = BDictionary.builder().put("name", "evil").put("piece length", 16384)
                .put("pieces", new byte[20]).put("files", BList.of(file)).build();
        byte[] torrent = Bencode.encode(BDictionary.builder().put("info", info).build());

        HttpResponse<String> response = upload(torrent);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("..");
        assertThat(agent.get("/api/v1/downloads").body()).isEqualTo("[]");
    }

    @Test
    void garbageTorrentUploadIsRefused() throws Exception {
        HttpResponse<String> response = upload("not bencode".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void settingsChangeAtRunTimeAndNegativeLimitsAreRefused() throws Exception {
        HttpResponse<String> set = send("PUT", "/api/v1/settings", "{\"downloadLimit\":2097152}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("\"downloadLimit\":2097152");
        HttpResponse<String> negative = send("PUT", "/api/v1/settings", "{\"uploadLimit\":-1}");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("uploadLimit must be 0");
        assertThat(agent.get("/api/v1/settings").body()).contains("\"downloadLimit\":2097152")
                .contains("\"uploadLimit\":0");
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(agent.url() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(agent.url() + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(byte[] torrent) throws Exception {
        String boundary = "b0undary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"torrent\"; filename=\"x.torrent\"\r\n"
                + "Content-Type: application/x-bittorrent\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + torrent.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(torrent, 0, body, head.length, torrent.length);
        System.arraycopy(tail, 0, body, head.length + torrent.length, tail.length);
        return http.send(HttpRequest.newBuilder(URI.create(agent.url() + "/api/v1/downloads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
