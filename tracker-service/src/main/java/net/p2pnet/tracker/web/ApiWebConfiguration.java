package net.p2pnet.tracker.web;

import jakarta.servlet.MultipartConfigElement;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.tracker.announce.AccessPolicy;
import net.p2pnet.tracker.config.TrackerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API's gatekeepers, ahead of every other filter (Spring's form filter reads some bodies):
 * first who is calling, then the body cap; both decide before a body byte is read.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration {

    @Bean
    FilterRegistrationBean<ApiCredentialFilter> apiCredentialFilter(AccessPolicy access, TrackerProperties properties,
                                                                    JsonMapper json) {
        FilterRegistrationBean<ApiCredentialFilter> registration = new FilterRegistrationBean<>(
                new ApiCredentialFilter(access, new OperatorToken(properties.operatorToken()), new FilterProblems(json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(TrackerProperties properties, JsonMapper json) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxRequestBody().toBytes(), new FilterProblems(json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Multipart uploads get the one torrent limit every service uses (replaces spring.servlet.multipart.*). */
    @Bean
    MultipartConfigElement multipartConfig() {
        return new MultipartConfigElement("", Metainfo.MAX_TORRENT_BYTES, RequestBodyLimitFilter.TORRENT_UPLOAD_LIMIT, 0);
    }
}
