package net.p2pnet.support.problem;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.crypto.VerificationException;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.support.body.BodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every service's one mapping from failures to RFC 9457 problem details. A {@link RequestRefused}
 * (the client-error type) and the exceptions a service lists in its {@link ClientErrors} become
 * 4xx problems with their detail; a failed credential check a 401; Spring MVC's own errors
 * (unreadable JSON, wrong method, unknown path, failed validation) come through the base class with
 * a detail that names what was wrong; anything else is a bug: a 500, logged, whose detail gives
 * nothing away.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final List<ClientErrors> clientErrors;

    public ProblemDetailsAdvice(List<ClientErrors> clientErrors) {
        this.clientErrors = List.copyOf(clientErrors);
    }

    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<ProblemDetail> refused(RequestRefused e) {
        return answer(e);
    }

    @ExceptionHandler(VerificationException.class)
    ResponseEntity<ProblemDetail> verification(VerificationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, Problems.BEARER_CHALLENGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.body(e));
    }

    /** A body over its cap, seen by code that reads the stream itself. */
    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return answer(tooLargeRefusal(e));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e) {
        Optional<RequestRefused> refusal = clientErrors.stream().map(errors -> errors.refusal(e))
                .flatMap(Optional::stream).findFirst();
        if (refusal.isPresent()) {
            return answer(refusal.get());
        }
        log.error("unexpected error", e);
        return answer(new RequestRefused(500, "internal error: " + e.getClass().getSimpleName() + " (see the server log)"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = causeOfType(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            RequestRefused refusal = tooLargeRefusal(tooLarge);
            return handleExceptionInternal(e, Problems.body(refusal), Problems.headers(refusal),
                    HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "request body is not the expected JSON: " + rootMessage(e));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = Stream.concat(
                        e.getBindingResult().getFieldErrors().stream().map(ProblemDetailsAdvice::describe),
                        e.getBindingResult().getGlobalErrors().stream().map(g -> g.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> r.getMethodParameter().getParameterName() + " " + err.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
    }

    /** Multipart uploads are torrents in every service: the one torrent limit says how large one may be. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "the upload is larger"
                + " than accepted: a .torrent may have at most " + Metainfo.MAX_TORRENT_BYTES + " bytes");
        problem.setTitle("Upload too large");
        return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String type = e.getContentType() == null ? "this Content-Type" : "Content-Type '" + e.getContentType() + "'";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, type
                + " is not accepted here; send " + MediaType.toString(e.getSupportedMediaTypes()));
        problem.setTitle("Unsupported Media Type");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> answer(RequestRefused refusal) {
        return ResponseEntity.status(refusal.status()).headers(Problems.headers(refusal))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.body(refusal));
    }

    private static RequestRefused tooLargeRefusal(BodyTooLargeException e) {
        return new RequestRefused(413, "Request body too large", e.getMessage());
    }

    private static String describe(FieldError error) {
        return error.getField() + " " + error.getDefaultMessage()
                + (error.getRejectedValue() instanceof String s && s.length() <= 80 ? " (got '" + s + "')" : "");
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // Jackson appends the source location over several lines; the first line says what is wrong.
        return message.lines().findFirst().orElse(message);
    }
}
