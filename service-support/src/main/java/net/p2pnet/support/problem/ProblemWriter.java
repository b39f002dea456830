package net.p2pnet.support.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import net.p2pnet.model.api.RequestRefused;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes a refusal as RFC 9457 problem+json from a servlet filter, where no controller advice reaches. */
public final class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, RequestRefused refusal) throws IOException {
        response.setStatus(refusal.status());
        Problems.headers(refusal).forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.body(refusal));
    }
}
