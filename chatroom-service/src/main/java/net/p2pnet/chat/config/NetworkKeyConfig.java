package net.p2pnet.chat.config;

import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.support.network.NetworkProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The keys derived from the network secret: peer tickets are checked and announcements signed with them. */
@Configuration
public class NetworkKeyConfig {

    @Bean
    NetworkKey networkKey(NetworkProperties network) {
        return NetworkKey.derive(network.name(), network.secret());
    }
}
