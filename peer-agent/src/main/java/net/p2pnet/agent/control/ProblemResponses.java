package net.p2pnet.agent.control;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.support.problem.ProblemWriter;
import net.p2pnet.support.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The control filters' refusals, as service-support's {@link ProblemWriter} writes every filter's. */
@Component
class ProblemResponses {

    private final ProblemWriter writer;

    ProblemResponses(ProblemWriter writer) {
        this.writer = writer;
    }

    void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        writer.write(response, new RequestRefused(status.value(), title, detail));
    }

    /** A header value quoted in a refusal: bounded, so a huge header does not come back as a huge answer. */
    static String quote(String value) {
        return Problems.quote(value);
    }
}
