package net.p2pnet.support;

import net.p2pnet.support.problem.ClientErrors;
import net.p2pnet.support.problem.ProblemDetailsAdvice;
import net.p2pnet.support.problem.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service gets by having service-support on its class path: the one exception handler
 * and the problem writer for filters. The rest (network properties, body limits, JSON client, SSE
 * queues, backoff) a service wires itself, with its own settings.
 */
// before Spring MVC's: its ProblemDetailsExceptionHandler stands back only if this handler is already there
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
public class SupportAutoConfiguration {

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(ObjectProvider<ClientErrors> clientErrors) {
        return new ProblemDetailsAdvice(clientErrors.orderedStream().toList());
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }
}
