package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A logged-in browser's cookie rides along on any request its browser makes, including those a
 * page of the same site (another port, a sibling subdomain) makes, which SameSite does not stop.
 * So a change made with the cookie needs the session's CSRF token, which only a page that can read
 * the agent's own answers gets; bearer-token calls do not need it. (Same properties as
 * {@code ControlAccessTest}, so one agent serves both.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.data-dir=./target/test-data/${random.uuid}", "p2pnet.agent.transfer-port=0",
        "p2pnet.agent.control.trust-loopback=false", "p2pnet.agent.control.api-token=correct-horse-battery",
        "p2pnet.agent.control.allowed-addresses=127.0.0.0/8,::1"})
class WebSessionCsrfTest {

    private static final String TOKEN = "correct-horse-battery";
    private final HttpClient http = HttpClient.newHttpClient(); // no cookie jar: cookies are sent by hand

    @LocalServerPort
    private int port;

    @Test
    void aChangeWithTheCookieButWithoutTheSessionsTokenIsRefusedAndChangesNothing() throws Exception {
        String cookie = login();
        String csrf = csrfToken(cookie);
        Path dir = Files.createTempDirectory("csrf-share");
        Files.writeString(dir.resolve("a.txt"), "content");

        HttpResponse<String> missing = share(dir, cookie, null);
        HttpResponse<String> wrong = share(dir, cookie, csrf.substring(1) + "A");
        HttpResponse<String> ofAnotherSession = share(dir, cookie, csrfToken(login()));

        for (HttpResponse<String> refused : new HttpResponse[] {missing, wrong, ofAnotherSession}) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("X-CSRF-Token");
        }
        assertThat(get("/api/v1/shares/roots", cookie).body()).doesNotContain(dir.toString());

        HttpResponse<String> withToken = share(dir, cookie, csrf);
        assertThat(withToken.statusCode()).isEqualTo(201);
        assertThat(get("/api/v1/shares/roots", cookie).body()).contains(dir.toString());
    }

    @Test
    void readsWithTheCookieAndBearerTokenCallsNeedNoCsrfToken() throws Exception {
        String cookie = login();
        assertThat(get("/api/v1/downloads", cookie).statusCode()).isEqualTo(200);

        HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(uri("/api/v1/settings"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"downloadLimit\":0}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bearer.statusCode()).isEqualTo(200);

        HttpResponse<String> session = http.send(HttpRequest.newBuilder(uri("/api/v1/session"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(session.body()).isEqualTo("{\"via\":\"token\"}");
    }

    @Test
    void loggingOutNeedsTheTokenToo() throws Exception {
        String cookie = login();
        String csrf = csrfToken(cookie);

        HttpResponse<String> forged = logout(cookie, null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/downloads", cookie).statusCode()).isEqualTo(200); // still logged in

        HttpResponse<String> out = logout(cookie, csrf);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(get("/api/v1/downloads", cookie).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> share(Path dir, String cookie, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/shares")).header("Cookie", cookie)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"" + dir + "\"}"));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> logout(String cookie, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/logout")).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String login() throws Exception {
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(303);
        String setCookie = loggedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static String csrfToken(HttpClient http, URI sessionUri, String cookie) throws Exception {
        String body = http.send(HttpRequest.newBuilder(sessionUri).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("\"csrfToken\":\"([A-Za-z0-9_-]+)\"").matcher(body);
        assertThat(token.find()).as(body).isTrue();
        assertThat(body).contains("\"via\":\"session\"");
        return token.group(1);
    }

    private String csrfToken(String cookie) throws Exception {
        return csrfToken(http, uri("/api/v1/session"), cookie);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
