package net.p2pnet.tracker.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.net.CappedBody;
import net.p2pnet.model.torrent.Metainfo;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Caps every REST request body before anything reads it: torrent uploads at the shared torrent
 * limit plus room for the multipart form around it, everything else at {@code max-request-body}.
 * A declared length over the cap is refused (413) without reading a byte; a chunked body is
 * counted as it arrives and cut off at the cap.
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** Multipart boundaries, part headers and the small {@code ed2k} field around the torrent. */
    static final int FORM_OVERHEAD = 64 * 1024;
    public static final long TORRENT_UPLOAD_LIMIT = (long) Metainfo.MAX_TORRENT_BYTES + FORM_OVERHEAD;

    private final long otherLimit;
    private final FilterProblems problems;

    RequestBodyLimitFilter(long otherLimit, FilterProblems problems) {
        this.otherLimit = otherLimit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = isTorrentUpload(request) ? TORRENT_UPLOAD_LIMIT : otherLimit;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            problems.write(response, RequestRefused.tooLarge("request body of " + declared
                    + " bytes is over the limit of " + limit + " bytes"));
            return;
        }
        // a body without a declared length is counted as it is read; Spring answers
        // MaxUploadSizeExceededException with 413 problem details, wherever the body was being read
        chain.doFilter(declared >= 0 ? request : new CappedBody(request, limit, unused -> {
            throw new MaxUploadSizeExceededException(limit);
        }), response);
    }

    private static boolean isTorrentUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/v1/torrents".equals(request.getRequestURI());
    }
}
