package net.p2pnet.tracker.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import net.p2pnet.model.api.RequestRefused;
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
        chain.doFilter(declared >= 0 ? request : new Capped(request, limit), response);
    }

    private static boolean isTorrentUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/v1/torrents".equals(request.getRequestURI());
    }

    /** A body without a declared length, counted as it is read. */
    private static final class Capped extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                // Spring answers this one with 413 problem details, wherever the body was being read.
                throw new MaxUploadSizeExceededException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
