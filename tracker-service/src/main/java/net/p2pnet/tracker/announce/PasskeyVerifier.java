package net.p2pnet.tracker.announce;

import java.time.Clock;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.Passkey;
import net.p2pnet.model.crypto.VerificationException;
import net.p2pnet.tracker.swarm.TrackerRefusal;

/**
 * Checks a private tracker passkey offline: it is MACed with the network key's passkey sub-key
 * (see {@link Passkey}), so the tracker needs neither the rendezvous server nor its database.
 */
public final class PasskeyVerifier {

    private final NetworkKey key;
    private final Clock clock;

    public PasskeyVerifier(NetworkKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** @throws TrackerRefusal saying why (malformed, not from this network, expired) */
    public void verify(String passkey) {
        try {
            Passkey.verify(passkey, key, clock.instant());
        } catch (VerificationException e) {
            throw new TrackerRefusal("invalid passkey: " + e.getMessage());
        }
    }
}
