package net.p2pnet.chat.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import net.p2pnet.chat.auth.Peer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description: every room call takes the peer ticket as a bearer token. The {@link Peer}
 * controller argument comes from that ticket, not from the request, so it is hidden.
 */
@Configuration
public class OpenApiConfig {

    private static final String TICKET = "peerTicket";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Peer.class);
    }

    @Bean
    OpenAPI chatroomOpenApi() {
        return new OpenAPI()
                .info(new Info().title("p2pnet chatroom-service").version("v1")
                        .description("Chat rooms of a p2pnet network; see docs/chat.md"))
                .components(new Components().addSecuritySchemes(TICKET, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("the peer ticket a rendezvous server issued to the agent")))
                .addSecurityItem(new SecurityRequirement().addList(TICKET));
    }
}
