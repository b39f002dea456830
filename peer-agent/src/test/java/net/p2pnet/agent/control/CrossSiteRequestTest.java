package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.Bencode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cross-site "simple" requests, which a browser sends without a CORS preflight from any page, with
 * the loopback trust of the browser's machine: a form's multipart POST adding a download whose
 * mirror is the cloud metadata address, and a text/plain POST pausing a download. A browser marks
 * them with {@code Origin} and {@code Sec-Fetch-Site}; the agent refuses them with 403 and nothing
 * changes, while the web UI (same origin), curl and the CLI (neither header) keep working. A
 * text/plain or form body on a JSON endpoint is a 415 even without those headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.data-dir=./target/test-data/${random.uuid}", "p2pnet.agent.transfer-port=0",
        "p2pnet.agent.control.allowed-hosts=agent.example,Build-Box"})
class CrossSiteRequestTest {

    private static final String ATTACKER = "http://attacker.example";
    private static final String BOUNDARY = "----WebKitFormBoundaryx7Hq";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void aCrossSiteFormAddingADownloadWithALinkLocalMirrorIsRefused() throws Exception {
        byte[] torrent = torrent();
        String before = get("/api/v1/downloads").body();

        // what a browser sends for <form method=post enctype=multipart/form-data action=http://127.0.0.1:port/...>
        HttpResponse<String> browser = send(attackUpload(torrent).header("Origin", ATTACKER)
                .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "navigate"));
        HttpResponse<String> originOnly = send(attackUpload(torrent).header("Origin", ATTACKER));
        HttpResponse<String> fetchSiteOnly = send(attackUpload(torrent).header("Sec-Fetch-Site", "cross-site"));
        HttpResponse<String> otherPortSameSite = send(attackUpload(torrent).header("Origin", "http://127.0.0.1:8080")
                .header("Sec-Fetch-Site", "same-site"));
        HttpResponse<String> sandboxed = send(attackUpload(torrent).header("Origin", "null"));

        for (HttpResponse<String> refused : new HttpResponse[] {browser, originOnly, fetchSiteOnly, otherPortSameSite,
                sandboxed}) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("Cross-site request refused");
        }
        assertThat(browser.body()).contains("Sec-Fetch-Site: cross-site");
        assertThat(originOnly.body()).contains("'" + ATTACKER + "'");
        assertThat(get("/api/v1/downloads").body()).isEqualTo(before).doesNotContain("169.254");

        // the same upload from curl or the CLI (no Origin, no Sec-Fetch-*) still works
        HttpResponse<String> cli = send(uploadRequest(torrent));
        assertThat(cli.statusCode()).isEqualTo(201);
    }

    @Test
    void aCrossSiteTextPlainPauseIsRefusedAndTheDownloadKeepsRunning() throws Exception {
        String id = addDownload();
        String state = stateOf(id);
        assertThat(state).isNotEqualTo("PAUSED");

        // <form method=post enctype=text/plain action=http://127.0.0.1:port/api/v1/downloads/{id}/pause>
        HttpResponse<String> crossSite = send(pause(id).header("Content-Type", "text/plain")
                .header("Origin", ATTACKER).header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("a=b")));
        assertThat(crossSite.statusCode()).isEqualTo(403);

        // an old browser that sends neither header: the form's content type alone is refused
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=" + BOUNDARY}) {
            String body = type.startsWith("multipart") ? "--" + BOUNDARY + "--\r\n" : "a=b";
            HttpResponse<String> formType = send(pause(id).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(formType.statusCode()).as(type).isEqualTo(415);
            assertThat(formType.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(formType.body()).as(type).contains("is not accepted here; send application/json");
        }
        assertThat(stateOf(id)).isEqualTo(state);

        // the web UI: same origin, JSON
        HttpResponse<String> ui = send(pause(id).header("Origin", "http://127.0.0.1:" + port)
                .header("Sec-Fetch-Site", "same-origin").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(stateOf(id)).isEqualTo("PAUSED");
        // the CLI: no Origin, no Content-Type
        HttpResponse<String> cli = send(HttpRequest.newBuilder(uri("/api/v1/downloads/" + id + "/resume"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(cli.statusCode()).isEqualTo(200);
        assertThat(stateOf(id)).isNotEqualTo("PAUSED");
    }

    @Test
    void crossSiteDeletesAndSettingsChangesAreRefusedButReadsAreNot() throws Exception {
        String id = addDownload();
        HttpResponse<String> delete = send(HttpRequest.newBuilder(uri("/api/v1/downloads/" + id))
                .header("Origin", ATTACKER).DELETE());
        HttpResponse<String> settings = send(HttpRequest.newBuilder(uri("/api/v1/settings")).header("Origin", ATTACKER)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"uploadLimit\":1}")));
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(settings.statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/downloads/" + id).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/settings").body()).contains("\"uploadLimit\":0");
        // a cross-site GET runs, but the browser does not let the page read the answer (no CORS headers)
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/v1/settings")).header("Origin", ATTACKER));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private String addDownload() throws Exception {
        HttpResponse<String> added = send(uploadRequest(torrent()));
        assertThat(added.statusCode()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(added.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private String stateOf(String id) throws Exception {
        Matcher state = Pattern.compile("\"state\":\"([A-Z]+)\"").matcher(get("/api/v1/downloads/" + id).body());
        assertThat(state.find()).isTrue();
        return state.group(1);
    }

    /** A distinct one-piece torrent each time, so every test adds its own download. */
    static byte[] torrent() {
        BDictionary info = BDictionary.builder().put("name", "file-" + UUID.randomUUID() + ".bin")
                .put("piece length", 16384).put("pieces", new byte[20]).put("length", 10).build();
        return Bencode.encode(BDictionary.builder().put("info", info).build());
    }

    /** The attack's form: a .torrent plus a mirror on the cloud metadata address. */
    private HttpRequest.Builder attackUpload(byte[] torrent) {
        return upload(torrent, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"mirrors\"\r\n\r\n"
                + "http://169.254.169.254/latest/meta-data/\r\n");
    }

    private HttpRequest.Builder uploadRequest(byte[] torrent) {
        return upload(torrent, "");
    }

    private HttpRequest.Builder upload(byte[] torrent, String fields) {
        String head = fields + "--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"torrent\"; filename=\"x.torrent\"\r\n"
                + "Content-Type: application/x-bittorrent\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[start.length + torrent.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(torrent, 0, body, start.length, torrent.length);
        System.arraycopy(end, 0, body, start.length + torrent.length, end.length);
        return HttpRequest.newBuilder(uri("/api/v1/downloads"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpRequest.Builder pause(String id) {
        return HttpRequest.newBuilder(uri("/api/v1/downloads/" + id + "/pause"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
