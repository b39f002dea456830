package net.p2pnet.tracker.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import net.p2pnet.model.api.RequestRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes a refusal as RFC 9457 problem+json from a servlet filter, where no controller advice reaches. */
final class FilterProblems {

    private final JsonMapper json;

    FilterProblems(JsonMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, RequestRefused refusal) throws IOException {
        HttpStatus status = HttpStatus.valueOf(refusal.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Passkey realm=\"p2pnet tracker\"");
        }
        if (status == HttpStatus.PAYLOAD_TOO_LARGE) {
            response.setHeader("Connection", "close"); // the unread body is not worth draining
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
