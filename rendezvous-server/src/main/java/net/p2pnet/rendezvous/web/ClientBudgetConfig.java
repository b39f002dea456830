package net.p2pnet.rendezvous.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link ClientBudget} in front of the client API. */
@Configuration
class ClientBudgetConfig implements WebMvcConfigurer {

    private final ClientBudget budget;

    ClientBudgetConfig(ClientBudget budget) {
        this.budget = budget;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(budget).addPathPatterns("/api/v1/**");
    }
}
