package net.p2pnet.rendezvous.config;

import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.NetworkSecrets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What only a rendezvous server adds to service-support's {@code NetworkProperties}: the key agents
 * join with, and a secret that must be there even in the dev profile (the server derives the
 * ticket key from it). The join key, like the secret, is refused when it is well known, a documented
 * placeholder or predictable, unless {@code allow-insecure-secret} is set (only the dev profile sets it).
 *
 * @param joinKey the key agents present to register; empty means the key derived from the secret
 *                ({@code --print-identity} shows it)
 */
@ConfigurationProperties("p2pnet.network")
public record JoinKeyProperties(String secret, boolean allowInsecureSecret, String joinKey) {

    public JoinKeyProperties {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("p2pnet.network.secret is empty: a rendezvous server needs the "
                    + "network secret, even in the dev profile");
        }
        joinKey = joinKey == null ? "" : joinKey.strip();
        if (!allowInsecureSecret) {
            // empty is fine: agents then use the key derived from the secret
            NetworkSecrets.requireUsableKey("p2pnet.network.join-key", joinKey);
        }
    }

    /** The join key agents must present: the configured one, else the one derived from the secret. */
    public String effectiveJoinKey(NetworkKey key) {
        return joinKey.isEmpty() ? key.derivedJoinKey() : joinKey;
    }
}
