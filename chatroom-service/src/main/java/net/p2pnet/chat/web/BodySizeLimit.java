package net.p2pnet.chat.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import net.p2pnet.chat.config.ChatProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body at {@code p2pnet.chatroom.max-body}, for every endpoint: a body that
 * announces more is refused at the first read, before a byte of it is taken; a chunked body (no
 * length) is counted as it arrives and refused as soon as it passes the cap. Either way the reader
 * gets a {@link BodyTooLargeException}, which the error handler answers with 413 problem+json; the
 * web server then discards at most its swallow limit of what is left and closes the connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    BodySizeLimit(ChatProperties properties) {
        this.maxBytes = properties.maxBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new CappedRequest(request, maxBytes), response);
    }

    private static final class CappedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream capped;

        CappedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (capped == null) {
                capped = new CappedStream(super.getInputStream(), getContentLengthLong(), maxBytes);
            }
            return capped;
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long declared;
        private final long maxBytes;
        private long count;

        CappedStream(ServletInputStream in, long declared, long maxBytes) {
            this.in = in;
            this.declared = declared;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            requireWithinCap();
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            requireWithinCap();
            // never take more than one byte past the cap from the socket
            int n = in.read(buffer, offset, (int) Math.min(length, maxBytes + 1 - count));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void requireWithinCap() throws BodyTooLargeException {
            if (count > maxBytes) {
                throw tooLarge();
            }
            if (declared > maxBytes) {
                throw new BodyTooLargeException("request body is " + declared
                        + " bytes; requests to this service may have at most " + maxBytes);
            }
        }

        private void counted(int n) throws BodyTooLargeException {
            count += n;
            if (count > maxBytes) {
                throw tooLarge();
            }
        }

        private BodyTooLargeException tooLarge() {
            return new BodyTooLargeException("request body passed " + maxBytes + " bytes as it arrived (sent "
                    + "without a length); requests to this service may have at most " + maxBytes);
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
