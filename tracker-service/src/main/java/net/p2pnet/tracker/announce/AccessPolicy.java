package net.p2pnet.tracker.announce;

import java.util.function.Predicate;
import net.p2pnet.tracker.swarm.Key20;
import net.p2pnet.tracker.swarm.TrackerRefusal;

/**
 * Who may announce what. In open mode anyone, any info-hash. In private mode only registered
 * torrents, and only peers presenting a valid passkey (derived from their peer ticket), checked
 * offline from the network secret: nothing here calls the database or another service.
 */
public final class AccessPolicy {

    private final boolean privateMode;
    private final Predicate<Key20> registered;
    private final PasskeyVerifier passkeys;

    public AccessPolicy(boolean privateMode, Predicate<Key20> registered, PasskeyVerifier passkeys) {
        this.privateMode = privateMode;
        this.registered = registered;
        this.passkeys = passkeys;
    }

    /** Throws a {@link TrackerRefusal} unless this passkey holder may use the tracker at all. */
    public void checkPasskey(String passkey) {
        if (!privateMode) {
            return;
        }
        if (passkey == null || passkey.isEmpty()) {
            throw new TrackerRefusal("this tracker is private: announce to /a/<passkey>/announce "
                    + "with the passkey from your peer ticket");
        }
        passkeys.verify(passkey);
    }

    /**
     * The member a passkey was issued to, in either mode (open trackers record who registered a
     * torrent when a passkey comes along).
     *
     * @throws TrackerRefusal when the passkey is not valid
     */
    public String member(String passkey) {
        return passkeys.verify(passkey);
    }

    /** Throws a {@link TrackerRefusal} unless this announce may be tracked. */
    public void checkAnnounce(Key20 infoHash, String passkey) {
        checkPasskey(passkey);
        if (privateMode && !registered.test(infoHash)) {
            throw new TrackerRefusal("unregistered torrent: " + infoHash.hex() + " is not registered on this private tracker");
        }
    }

    /** Whether a scrape may report this info-hash (private trackers reveal only registered torrents). */
    public boolean visible(Key20 infoHash) {
        return !privateMode || registered.test(infoHash);
    }

    public boolean privateMode() {
        return privateMode;
    }
}
