package net.p2pnet.support.body;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.net.CappedBody;
import net.p2pnet.support.problem.ProblemWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies by bounding the stream (shared-model's {@link CappedBody}): a body that
 * declares more than its cap is refused with 413 before a byte of it is read; a chunked body (no
 * length) is counted as it arrives and its reader gets a {@link BodyTooLargeException} at the first
 * byte too many, which the error handler answers with 413. The web server then discards at most its
 * swallow limit of what is left and closes the connection.
 */
public final class RequestBodyLimit extends OncePerRequestFilter {

    /** A cap of {@code UNCAPPED} lets the body through untouched (e.g. multipart, counted by the server's parser). */
    public static final long UNCAPPED = -1;

    private final Function<HttpServletRequest, BodyCap> caps;
    private final ProblemWriter problems;

    /** @param caps the cap of each request */
    public RequestBodyLimit(Function<HttpServletRequest, BodyCap> caps, ProblemWriter problems) {
        this.caps = caps;
        this.problems = problems;
    }

    /** One cap for every request. */
    public RequestBodyLimit(BodyCap cap, ProblemWriter problems) {
        this(request -> cap, problems);
    }

    /**
     * A cap in bytes, and why: the property that sets it, so an operator knows what to raise, and
     * what it means for the client.
     */
    public record BodyCap(long bytes, String why) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyCap cap = caps.apply(request);
        if (cap.bytes() == UNCAPPED) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > cap.bytes()) {
            problems.write(response, new RequestRefused(413, "Request body too large", detail(declared, cap)));
            return;
        }
        chain.doFilter(new CappedBody(request, cap.bytes(), unused -> {
            throw new BodyTooLargeException(detail(-1, cap));
        }), response);
    }

    private static String detail(long declared, BodyCap cap) {
        String size = declared >= 0 ? "the request body has " + declared + " bytes,"
                : "the request body, sent without a length, grew as it arrived";
        return size + " larger than the " + cap.bytes() + " bytes accepted: at most " + cap.bytes() + " (" + cap.why()
                + ")";
    }
}
