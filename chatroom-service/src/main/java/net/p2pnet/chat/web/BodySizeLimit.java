package net.p2pnet.chat.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import net.p2pnet.chat.config.ChatProperties;
import net.p2pnet.model.net.CappedBody;
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
        chain.doFilter(new CappedBody(request, maxBytes, declared -> {
            throw tooLarge(declared);
        }), response);
    }

    private BodyTooLargeException tooLarge(long declared) {
        if (declared >= 0) {
            return new BodyTooLargeException("request body is " + declared
                    + " bytes; requests to this service may have at most " + maxBytes);
        }
        return new BodyTooLargeException("request body passed " + maxBytes + " bytes as it arrived (sent "
                + "without a length); requests to this service may have at most " + maxBytes);
    }
}
