package net.p2pnet.chat.web;

import net.p2pnet.chat.config.ChatProperties;
import net.p2pnet.support.body.RequestBodyLimit.BodyCap;
import net.p2pnet.support.body.RequestBodyLimit;
import net.p2pnet.support.problem.ProblemWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Caps every request body at {@code p2pnet.chatroom.max-body}, for every endpoint and ahead of
 * every other filter (the ticket check reads the body to verify its signature).
 */
@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ChatProperties properties, ProblemWriter problems) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(
                new BodyCap(properties.maxBody().toBytes(), "p2pnet.chatroom.max-body"), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
