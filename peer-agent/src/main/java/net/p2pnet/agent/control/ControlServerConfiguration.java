package net.p2pnet.agent.control;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The control port's Tomcat: the socket's address for the access filter, and no early 100-continue. */
@Configuration(proxyBeanMethods = false)
class ControlServerConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> peerAddressValve() {
        return factory -> {
            factory.addEngineValves(new PeerAddressValve());
            // "100 Continue" only once something reads the body: a request the filters refuse
            // (wrong host, too large) gets its answer before the client sends the body at all
            factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
        };
    }
}
