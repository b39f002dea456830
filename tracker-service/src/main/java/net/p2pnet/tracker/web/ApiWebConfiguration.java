package net.p2pnet.tracker.web;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import net.p2pnet.model.torrent.InvalidTorrentException;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.support.body.RequestBodyLimit.BodyCap;
import net.p2pnet.support.body.RequestBodyLimit;
import net.p2pnet.support.problem.ClientErrors;
import net.p2pnet.support.problem.ProblemWriter;
import net.p2pnet.tracker.announce.AccessPolicy;
import net.p2pnet.tracker.config.TrackerProperties;
import net.p2pnet.tracker.registry.AlreadyRegisteredException;
import net.p2pnet.tracker.registry.NotRegisteredException;
import net.p2pnet.tracker.swarm.TrackerRefusal;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The REST API's gatekeepers, ahead of every other filter (Spring's form filter reads some bodies):
 * first who is calling, then the body cap; both decide before a body byte is read. Also which of
 * the tracker's exceptions are client errors. BitTorrent endpoints never get here: they answer in bencode.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration {

    /** Multipart boundaries, part headers and the small {@code ed2k} field around the torrent. */
    static final int FORM_OVERHEAD = 64 * 1024;
    static final long TORRENT_UPLOAD_LIMIT = (long) Metainfo.MAX_TORRENT_BYTES + FORM_OVERHEAD;

    @Bean
    FilterRegistrationBean<ApiCredentialFilter> apiCredentialFilter(AccessPolicy access, TrackerProperties properties,
                                                                    ProblemWriter problems) {
        FilterRegistrationBean<ApiCredentialFilter> registration = new FilterRegistrationBean<>(
                new ApiCredentialFilter(access, new OperatorToken(properties.operatorToken()), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Torrent uploads get the shared torrent limit plus room for the form around it, everything else max-request-body. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(TrackerProperties properties, ProblemWriter problems) {
        BodyCap upload = new BodyCap(TORRENT_UPLOAD_LIMIT, "a .torrent may have at most " + Metainfo.MAX_TORRENT_BYTES
                + " bytes");
        BodyCap other = new BodyCap(properties.maxRequestBody().toBytes(), "p2pnet.tracker.max-request-body");
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(request -> isTorrentUpload(request) ? upload : other, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Multipart uploads get the one torrent limit every service uses (replaces spring.servlet.multipart.*). */
    @Bean
    MultipartConfigElement multipartConfig() {
        return new MultipartConfigElement("", Metainfo.MAX_TORRENT_BYTES, TORRENT_UPLOAD_LIMIT, 0);
    }

    @Bean
    ClientErrors trackerClientErrors() {
        return ClientErrors.builder()
                .map(InvalidTorrentException.class, e -> 400, "Invalid torrent", e -> "invalid torrent: " + e.getMessage())
                .map(AlreadyRegisteredException.class, 409, "Already registered")
                .map(NotRegisteredException.class, 404, "Not registered")
                .map(TrackerRefusal.class, 403, "Passkey required")
                .build();
    }

    private static boolean isTorrentUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/v1/torrents".equals(request.getRequestURI());
    }
}
