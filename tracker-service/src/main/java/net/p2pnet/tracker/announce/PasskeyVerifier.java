package net.p2pnet.tracker.announce;

import java.time.Clock;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.Passkey;
import net.p2pnet.model.crypto.VerificationException;
import net.p2pnet.tracker.swarm.TrackerRefusal;

/** Decides whether a private-tracker passkey is valid. */
@FunctionalInterface
public interface PasskeyVerifier {

    /**
     * @return the peer id the passkey was issued to
     * @throws TrackerRefusal saying why the passkey is not valid (never quoting it: refusals get logged)
     */
    String verify(String passkey);

    /**
     * The network's verifier: passkeys are MACed with the network key's passkey sub-key (see
     * {@link Passkey}), so the tracker checks them offline, without the rendezvous server or a database.
     */
    static PasskeyVerifier ofNetwork(NetworkKey key, Clock clock) {
        return passkey -> {
            try {
                return Passkey.verify(passkey, key, clock.instant()).peerId();
            } catch (VerificationException e) {
                throw new TrackerRefusal("invalid passkey: " + e.getMessage());
            }
        };
    }
}
