package net.p2pnet.agent.control;

import net.p2pnet.agent.download.InvalidDownloadException;
import net.p2pnet.agent.download.UnknownDownloadException;
import net.p2pnet.agent.network.UpstreamException;
import net.p2pnet.agent.room.RoomConflictException;
import net.p2pnet.agent.room.RoomException;
import net.p2pnet.agent.share.ConfiguredRootException;
import net.p2pnet.agent.share.ShareException;
import net.p2pnet.model.link.InvalidLinkException;
import net.p2pnet.model.torrent.InvalidTorrentException;
import net.p2pnet.model.torrent.Metainfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The agent's one mapping from failures to RFC 9457 problem details. Spring MVC's own failures
 * (unreadable JSON, wrong method, missing part...) come through the base class, already as
 * problem details.
 */
@RestControllerAdvice
public class ControlExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ShareException.class)
    ProblemDetail share(ShareException e) {
        return problem(e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, "Share refused", e);
    }

    @ExceptionHandler(ConfiguredRootException.class)
    ProblemDetail configuredRoot(ConfiguredRootException e) {
        return problem(HttpStatus.CONFLICT, "Configured share root", e);
    }

    @ExceptionHandler(UnknownDownloadException.class)
    ProblemDetail unknownDownload(UnknownDownloadException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown download", e);
    }

    /** Torrents and links are also checked by shared-model's parsers, whose exceptions say what is wrong. */
    @ExceptionHandler({InvalidDownloadException.class, InvalidTorrentException.class, InvalidLinkException.class})
    ProblemDetail invalidDownload(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "Download refused", e);
    }

    @ExceptionHandler(RoomConflictException.class)
    ProblemDetail roomConflict(RoomConflictException e) {
        return problem(HttpStatus.CONFLICT, "Room request refused", e);
    }

    @ExceptionHandler(RoomException.class)
    ProblemDetail room(RoomException e) {
        return problem(e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, "Room request refused", e);
    }

    @ExceptionHandler(UpstreamException.class)
    ProblemDetail upstream(UpstreamException e) {
        return problem(HttpStatus.BAD_GATEWAY, "A network service did not answer as expected", e);
    }

    @ExceptionHandler(BadControlRequestException.class)
    ProblemDetail badRequest(BadControlRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e);
    }

    /** A body cut off by {@link RequestBodyLimitFilter} is too large, not malformed. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                return handleExceptionInternal(e, problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", tooLarge),
                        headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

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

    static ProblemDetail problem(HttpStatus status, String title, Throwable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        return problem;
    }
}
