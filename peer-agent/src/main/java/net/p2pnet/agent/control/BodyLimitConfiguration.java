package net.p2pnet.agent.control;

import jakarta.servlet.MultipartConfigElement;
import net.p2pnet.agent.config.AgentProperties;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.support.body.RequestBodyLimit.BodyCap;
import net.p2pnet.support.body.RequestBodyLimit;
import net.p2pnet.support.problem.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * Caps every request body of the control port at {@code p2pnet.agent.control.max-body-size}, and
 * multipart uploads at {@code spring.servlet.multipart.max-request-size}: a declared
 * {@code Content-Length} beyond the cap is a 413 before anything is read (Tomcat's multipart parser
 * would first answer "100 Continue" and take the body). A chunked multipart body is counted by
 * Tomcat's parser, anything else by the capped stream.
 */
@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(AgentProperties properties,
            ObjectProvider<MultipartConfigElement> multipart, ProblemWriter problems) {
        BodyCap json = new BodyCap(properties.control().maxBodySize().toBytes(), "p2pnet.agent.control.max-body-size");
        MultipartConfigElement config = multipart.getIfAvailable();
        BodyCap upload = new BodyCap(config == null ? RequestBodyLimit.UNCAPPED : config.getMaxRequestSize(),
                "spring.servlet.multipart.max-request-size: a .torrent may have at most " + Metainfo.MAX_TORRENT_BYTES
                        + " bytes");
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(
                request -> isMultipart(request.getContentType()) ? upload : json, problems));
        registration.setOrder(ControlFilterOrder.BODY_LIMIT);
        return registration;
    }

    private static boolean isMultipart(String type) {
        return type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
                MediaType.MULTIPART_FORM_DATA_VALUE.length());
    }
}
