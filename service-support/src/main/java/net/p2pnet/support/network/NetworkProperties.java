package net.p2pnet.support.network;

import net.p2pnet.model.crypto.NetworkSecrets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The network a service belongs to: its name and the secret its members share (agents never hold it). Binding fails, and the service does not start, when the
 * secret is empty or well known, unless {@code allow-insecure-secret} is set (only the dev profile sets it).
 */
@ConfigurationProperties("p2pnet.network")
public record NetworkProperties(String name, String secret, boolean allowInsecureSecret) {

    public NetworkProperties {
        name = (name == null || name.isBlank()) ? "p2pnet" : name;
        if (!allowInsecureSecret) {
            NetworkSecrets.requireUsable(secret);
        }
    }
}
