package net.p2pnet.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Web login for browsers on other machines (loopback not trusted, as for a remote caller): the
 * right token buys a session cookie that works like the token; anything else gets nothing. (Same
 * properties as {@code ControlAccessTest}, so Spring's test context cache starts one agent.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pnet.data-dir=./target/test-data/${random.uuid}", "p2pnet.agent.transfer-port=0",
        "p2pnet.agent.control.trust-loopback=false", "p2pnet.agent.control.api-token=correct-horse-battery",
        "p2pnet.agent.control.allowed-addresses=127.0.0.0/8,::1"})
class WebLoginTest {

    private static final String TOKEN = "correct-horse-battery";
    private final HttpClient http = HttpClient.newHttpClient(); // no cookie jar: every cookie is sent by hand

    @LocalServerPort
    private int port;

    @Test
    void wrongOrMissingTokenIs401AndSetsNoCookie() throws Exception {
        for (String token : new String[] {"wrong", "", "correct-horse-batter"}) {
            HttpResponse<String> refused = login(token);
            assertThat(refused.statusCode()).as(token).isEqualTo(401);
            assertThat(refused.headers().allValues("Set-Cookie")).as(token).isEmpty();
            assertThat(refused.body()).contains("id=\"login-error\"");
        }
        assertThat(login("wrong").body()).contains("wrong API token");
    }

    @Test
    void rightTokenGivesAnHttpOnlyStrictSessionCookieThatWorksAloneUntilLogout() throws Exception {
        HttpResponse<String> loggedIn = login(TOKEN);
        assertThat(loggedIn.statusCode()).isEqualTo(303);
        assertThat(loggedIn.headers().firstValue("Location")).hasValue("/");
        List<String> setCookie = loggedIn.headers().allValues("Set-Cookie");
        assertThat(setCookie).hasSize(1);
        assertThat(setCookie.get(0)).startsWith("p2pnet_session=").contains("HttpOnly").contains("SameSite=Strict")
                .doesNotContain(TOKEN);
        String cookie = setCookie.get(0).substring(0, setCookie.get(0).indexOf(';'));

        assertThat(get("/api/v1/shares", cookie, "application/json").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/session", cookie, "application/json").body()).contains("\"via\":\"session\"");
        assertThat(get("/", cookie, "text/html").statusCode()).isEqualTo(200);

        String csrf = WebSessionCsrfTest.csrfToken(http, uri("/api/v1/session"), cookie);
        HttpResponse<String> out = http.send(HttpRequest.newBuilder(uri("/logout")).header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
        // a copy of the logged-out cookie must not work either
        HttpResponse<String> afterLogout = get("/api/v1/shares", cookie, "application/json");
        assertThat(afterLogout.statusCode()).isEqualTo(401);
        assertThat(afterLogout.body()).contains("log in again");
    }

    @Test
    void forgedOrMangledCookiesAreRefused() throws Exception {
        for (String value : new String[] {TOKEN, "abc.def", "not base64!.x", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAA"}) {
            assertThat(get("/api/v1/shares", "p2pnet_session=" + value, "application/json").statusCode()).as(value)
                    .isEqualTo(401);
        }
    }

    @Test
    void unauthenticatedBrowserPagesGoToTheLoginPageWhileApiCallsGet401() throws Exception {
        HttpResponse<String> page = get("/", null, "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");

        HttpResponse<String> api = get("/api/v1/downloads", null, "text/html,*/*");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> loginPage = get("/login", null, "text/html");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).contains("<form method=\"post\" action=\"/login\">").contains("name=\"token\"")
                .doesNotContain("id=\"login-error\"");
    }

    private HttpResponse<String> login(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookie, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
