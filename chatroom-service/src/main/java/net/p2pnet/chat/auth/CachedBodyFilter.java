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
import net.p2pnet.chat.config.ChatProperties;
import net.p2pnet.support.body.BodyTooLargeException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a room API request's body before anything else, because the signature a peer makes with its
 * own key covers the body: {@link TicketInterceptor} checks it, and the controller then reads the
 * same bytes. The body arrives through the body limit's cap (it runs first), so at most
 * {@code p2pnet.chatroom.max-body} is ever held; a body over it is remembered as refused and the
 * interceptor answers 413 before it looks at the ticket.
 */
@Component
class CachedBodyFilter extends OncePerRequestFilter {

    static final String BODY_ATTRIBUTE = CachedBodyFilter.class.getName() + ".body";
    static final String REFUSAL_ATTRIBUTE = CachedBodyFilter.class.getName() + ".refusal";

    private final int maxBodyBytes;

    CachedBodyFilter(ChatProperties properties) {
        this.maxBodyBytes = Math.toIntExact(properties.maxBody().toBytes());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/rooms");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = new byte[0];
        try {
            // the body limit's cap throws first; readNBytes is the bound should it be missing
            body = request.getInputStream().readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw new BodyTooLargeException("request body is over " + maxBodyBytes
                        + " bytes; requests to this service may have at most that");
            }
        } catch (BodyTooLargeException e) {
            body = new byte[0];
            request.setAttribute(REFUSAL_ATTRIBUTE, e);
        }
        request.setAttribute(BODY_ATTRIBUTE, body);
        chain.doFilter(new CachedBody(request, body), response);
    }

    /** Why the body was refused (too large), or null. */
    static BodyTooLargeException refusal(HttpServletRequest request) {
        return request.getAttribute(REFUSAL_ATTRIBUTE) instanceof BodyTooLargeException e ? e : null;
    }

    /** The body read by the filter, or empty when it was refused. */
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
