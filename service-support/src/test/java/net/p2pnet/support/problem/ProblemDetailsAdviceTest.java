package net.p2pnet.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.p2pnet.model.api.RequestRefused;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(classes = ProblemDetailsAdviceTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemDetailsAdviceTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRefusalIsAProblemWithItsStatusAndDetail() throws Exception {
        HttpResponse<String> answer = get("/refused");
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"detail\":\"name taken\"");
    }

    @Test
    void aListedDomainExceptionGetsItsStatusAndTitle() throws Exception {
        HttpResponse<String> answer = get("/domain");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("\"title\":\"Unknown thing\"").contains("\"detail\":\"no thing 7\"");
    }

    @Test
    void anIllegalArgumentFromABugIsA500ThatGivesNothingAway() throws Exception {
        HttpResponse<String> answer = get("/bug");
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("see the server log").doesNotContain("secret internals");
    }

    @Test
    void a401NamesTheBearerScheme() throws Exception {
        HttpResponse<String> answer = get("/unauthorized");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue(Problems.BEARER_CHALLENGE);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static class UnknownThingException extends RuntimeException {
        UnknownThingException(String message) {
            super(message);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        ClientErrors testClientErrors() {
            return ClientErrors.builder().map(UnknownThingException.class, 404, "Unknown thing").build();
        }

        @Bean
        Endpoints endpoints() {
            return new Endpoints();
        }
    }

    @RestController
    static class Endpoints {

        @GetMapping("/refused")
        String refused() {
            throw RequestRefused.conflict("name taken");
        }

        @GetMapping("/domain")
        String domain() {
            throw new UnknownThingException("no thing 7");
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalArgumentException("secret internals");
        }

        @GetMapping("/unauthorized")
        String unauthorized() {
            throw RequestRefused.unauthorized("no ticket");
        }
    }
}
