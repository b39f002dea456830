package net.p2pnet.rendezvous.web;

import java.net.URI;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.crypto.VerificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where errors become RFC 9457 problem details ({@code application/problem+json})
 * with a {@code detail} that says what was wrong; Spring MVC's own errors (unknown path, wrong
 * method, bad parameter type) come through {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<ProblemDetail> refused(RequestRefused e) {
        return problem(HttpStatus.valueOf(e.status()), e.getMessage(), "about:blank", null);
    }

    /** Bad or missing ticket, signature or proof: 401, with the reason as a property. */
    @ExceptionHandler(VerificationException.class)
    ResponseEntity<ProblemDetail> verification(VerificationException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNAUTHORIZED, e.getMessage(),
                "https://p2pnet.net/problems/credential-" + e.reason().name().toLowerCase().replace('_', '-'),
                "Bearer realm=\"p2pnet\"");
        response.getBody().setProperty("reason", e.reason().name());
        return response;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), "about:blank", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getClass().getSimpleName()
                + " (see the server log)", "about:blank", null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String type,
            String wwwAuthenticate) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(type));
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
        if (wwwAuthenticate != null) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
        }
        return builder.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
