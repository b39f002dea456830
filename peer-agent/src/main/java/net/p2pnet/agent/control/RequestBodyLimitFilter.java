package net.p2pnet.agent.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import net.p2pnet.agent.config.AgentProperties;
import net.p2pnet.model.net.CappedBody;
import net.p2pnet.model.torrent.Metainfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body of the control port at {@code p2pnet.agent.control.max-body-size}, and
 * multipart uploads at {@code spring.servlet.multipart.max-request-size}: a declared
 * {@code Content-Length} beyond the cap is a 413 before anything is read (Tomcat's multipart parser
 * would first answer "100 Continue" and take the body). A chunked body is counted as it arrives:
 * multipart by Tomcat's parser, anything else here, where reading stops with
 * {@link BodyTooLargeException} (a 413 through {@link ControlExceptionHandler}) at the first byte too many.
 */
@Component
@Order(ControlFilterOrder.BODY_LIMIT)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final long multipartLimit;
    private final ProblemResponses problems;

    RequestBodyLimitFilter(AgentProperties properties, ObjectProvider<MultipartConfigElement> multipart,
            ProblemResponses problems) {
        this.limit = properties.control().maxBodySize().toBytes();
        MultipartConfigElement config = multipart.getIfAvailable();
        this.multipartLimit = config == null ? -1 : config.getMaxRequestSize();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
                MediaType.MULTIPART_FORM_DATA_VALUE.length())) {
            if (multipartLimit >= 0 && request.getContentLengthLong() > multipartLimit) {
                problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "Upload too large", "the upload has "
                        + request.getContentLengthLong() + " bytes, more than the " + multipartLimit + " accepted"
                        + " (spring.servlet.multipart.max-request-size): a .torrent may have at most "
                        + Metainfo.MAX_TORRENT_BYTES + " bytes");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    BodyTooLargeException.detail(limit));
            return;
        }
        chain.doFilter(new CappedBody(request, limit, declared -> {
            throw new BodyTooLargeException(limit);
        }), response);
    }

    /** Thrown by a capped body's stream; an IOException so that every reader passes it on. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super(detail(limit));
        }

        static String detail(long limit) {
            return "the request body is larger than the " + limit + " bytes accepted"
                    + " (p2pnet.agent.control.max-body-size)";
        }
    }
}
