package net.p2pnet.chat.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import net.p2pnet.chat.web.BodySizeLimit;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a room API request's body (at most {@link #MAX_BODY_BYTES} plus one byte, whatever the
 * headers say) before anything else, because the signature a peer makes with its own key covers the
 * body: {@link TicketInterceptor} checks it and refuses an oversized body, and the controller then
 * reads the same bytes.
 */
@Component
class CachedBodyFilter extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = (int) BodySizeLimit.MAX_BODY_BYTES;
    static final String BODY_ATTRIBUTE = CachedBodyFilter.class.getName() + ".body";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/rooms");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getContentLengthLong() > MAX_BODY_BYTES ? new byte[0]
                : request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        request.setAttribute(BODY_ATTRIBUTE, body);
        chain.doFilter(new CachedBody(request, body), response);
    }

    /** The body read by the filter, or empty when it was not read (declared too large). */
    static byte[] body(HttpServletRequest request) {
        return request.getAttribute(BODY_ATTRIBUTE) instanceof byte[] body ? body : new byte[0];
    }

    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
