package net.p2pnet.chat.auth;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every room API call needs a peer ticket; actuator and OpenAPI stay open. */
@Configuration
class AuthWebConfig implements WebMvcConfigurer {

    private final TicketInterceptor tickets;

    AuthWebConfig(TicketInterceptor tickets) {
        this.tickets = tickets;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(tickets).addPathPatterns("/api/v1/rooms", "/api/v1/rooms/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PeerArgumentResolver());
    }
}
