package net.p2pnet.tracker.web;

import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.torrent.InvalidTorrentException;
import net.p2pnet.tracker.registry.AlreadyRegisteredException;
import net.p2pnet.tracker.registry.NotRegisteredException;
import net.p2pnet.tracker.swarm.TrackerRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the REST API ({@code /api/v1/**}). Spring MVC's own errors (bad
 * parameter types, missing parts, oversized uploads, unsupported media types) come through the
 * base class as problem details too. BitTorrent endpoints never get here: they answer in bencode.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidTorrentException.class)
    ProblemDetail invalidTorrent(InvalidTorrentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid torrent", "invalid torrent: " + e.getMessage());
    }

    @ExceptionHandler(AlreadyRegisteredException.class)
    ProblemDetail alreadyRegistered(AlreadyRegisteredException e) {
        return problem(HttpStatus.CONFLICT, "Already registered", e.getMessage());
    }

    @ExceptionHandler(NotRegisteredException.class)
    ProblemDetail notRegistered(NotRegisteredException e) {
        return problem(HttpStatus.NOT_FOUND, "Not registered", e.getMessage());
    }

    @ExceptionHandler(TrackerRefusal.class)
    ProblemDetail refused(TrackerRefusal e) {
        return problem(HttpStatus.FORBIDDEN, "Passkey required", e.getMessage());
    }

    @ExceptionHandler(RequestRefused.class)
    ProblemDetail refused(RequestRefused e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        return problem(status, status.getReasonPhrase(), e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
