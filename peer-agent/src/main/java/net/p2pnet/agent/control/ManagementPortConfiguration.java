package net.p2pnet.agent.control;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The separate management port (set {@code management.server.port}) answers without credentials, so
 * it must serve the exposed actuator endpoints and nothing else. Spring MVC's child context inherits
 * the control port's MVC configurers, static resources included, so this filter refuses every path
 * outside the actuator's base path with 404 there.
 *
 * <p>Listed in {@code META-INF/spring/...ManagementContextConfiguration.imports} for the management
 * child context; component scanning also finds it in the main context, where the condition keeps it
 * out (the control port has its own access filter).
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@Conditional(ManagementPortConfiguration.InChildContext.class)
public class ManagementPortConfiguration {

    @Bean
    FilterRegistrationBean<Filter> actuatorOnlyFilter(WebEndpointProperties endpoints) {
        String basePath = endpoints.getBasePath();
        Filter filter = (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            String path = http.getRequestURI().substring(http.getContextPath().length());
            if (path.equals(basePath) || path.startsWith(basePath + "/")) {
                chain.doFilter(request, response);
            } else {
                ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** True only in a context that has a parent: the management port's child context. */
    static class InChildContext implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getBeanFactory() != null && context.getBeanFactory().getParentBeanFactory() != null;
        }
    }
}
