package net.p2pnet.rendezvous.config;

import java.time.Clock;
import net.p2pnet.model.crypto.Handshake;
import net.p2pnet.model.crypto.KeyPurpose;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerRequestVerifier;
import net.p2pnet.model.crypto.RequestVerifier;
import net.p2pnet.support.network.NetworkProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The network key and the verifiers built from it; the secret is not kept beyond key derivation. */
@Configuration(proxyBeanMethods = false)
public class CryptoConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NetworkKey networkKey(NetworkProperties network) {
        return NetworkKey.derive(network.name(), network.secret());
    }

    @Bean
    Handshake handshake(NetworkKey key) {
        return new Handshake(key);
    }

    /** Checks requests between rendezvous servers. */
    @Bean
    @Qualifier("federation")
    RequestVerifier federationVerifier(NetworkKey key, Clock clock, RendezvousProperties properties) {
        return new RequestVerifier(key, KeyPurpose.FEDERATION, clock, properties.sync().maxClockSkew(),
                properties.sync().replayCacheSize());
    }

    /** Checks requests from other services of the network (chatroom room announcements). */
    @Bean
    @Qualifier("service")
    RequestVerifier serviceVerifier(NetworkKey key, Clock clock, RendezvousProperties properties) {
        return new RequestVerifier(key, KeyPurpose.SERVICE_CREDENTIAL, clock, properties.sync().maxClockSkew(),
                properties.sync().replayCacheSize());
    }

    /** Checks that peers sign their requests with their own key (the one their id and ticket are bound to). */
    @Bean
    PeerRequestVerifier peerRequestVerifier(Clock clock, RendezvousProperties properties) {
        return new PeerRequestVerifier(PeerAudience.RENDEZVOUS, clock, properties.sync().maxClockSkew(),
                properties.peerReplayCacheSize());
    }
}
