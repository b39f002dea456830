package net.p2pnet.agent.control;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A state-changing request to an endpoint that declares no {@code consumes} (pause, resume, join,
 * ...: no body, or JSON) may only carry JSON, or no Content-Type at all (curl, the CLI). Without
 * this a text/plain or form POST, which a web page can send without a CORS preflight, would run
 * such an endpoint, since Spring only checks the type of a body it reads. Endpoints that do take a
 * form (login's urlencoded form, the multipart .torrent upload) say so with {@code consumes}, and
 * Spring matches those itself. Refusals are Spring's 415 problem.
 */
class JsonOnlyInterceptor implements HandlerInterceptor {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (header == null || !CrossSiteRequestFilter.changesState(request) || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        if (mapping != null && mapping.consumes().length > 0) {
            return true;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException(e.getMessage(), JSON);
        }
        if (MediaType.APPLICATION_JSON.includes(type) || "json".equals(type.getSubtypeSuffix())) {
            return true;
        }
        throw new HttpMediaTypeNotSupportedException(type, JSON, HttpMethod.valueOf(request.getMethod()));
    }
}
