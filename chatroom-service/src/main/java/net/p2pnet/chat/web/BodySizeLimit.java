package net.p2pnet.chat.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.p2pnet.model.api.RequestRefused;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses room API requests that announce a body far larger than any valid one (a 4 KiB message
 * plus a 2 KiB link fit easily) before a byte of it is read, so a hostile client cannot make the
 * service parse megabytes of JSON.
 */
@Configuration
public class BodySizeLimit implements WebMvcConfigurer, HandlerInterceptor {

    public static final long MAX_BODY_BYTES = 64 * 1024;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/rooms", "/api/v1/rooms/**").order(-1);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        long length = request.getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            throw RequestRefused.tooLarge("request body is " + length
                    + " bytes; room API requests may have at most " + MAX_BODY_BYTES);
        }
        return true;
    }
}
