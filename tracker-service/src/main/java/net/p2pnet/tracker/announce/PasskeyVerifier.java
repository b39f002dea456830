package net.p2pnet.tracker.announce;

import java.time.Clock;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.Passkey;
import net.p2pnet.model.crypto.VerificationException;
import net.p2pnet.tracker.swarm.TrackerRefusal;

/** Decides whether a private-tracker passkey is valid. */
@FunctionalInterface
public interface PasskeyVerifier {

    /** @throws TrackerRefusal saying why the passkey is not valid */
    void verify(String passkey);

    /**
     * The network's verifier: passkeys are MACed with the network key's passkey sub-key (see
     * {@link Passkey}), so the tracker checks them offline, without the rendezvous server or a database.
     */
    static PasskeyVerifier ofNetwork(NetworkKey key, Clock clock) {
        return passkey -> {
            try {
                Passkey.verify(passkey, key, clock.instant());
            } catch (VerificationException e) {
                throw new TrackerRefusal("invalid passkey: " + e.getMessage());
            }
        };
    }
}
