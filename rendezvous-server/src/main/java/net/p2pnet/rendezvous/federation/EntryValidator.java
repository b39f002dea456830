package net.p2pnet.rendezvous.federation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.net.ServerAddress;
import net.p2pnet.rendezvous.config.RendezvousProperties;
import net.p2pnet.rendezvous.directory.DirectoryEntry;
import net.p2pnet.rendezvous.peer.PeerRecord;
import net.p2pnet.rendezvous.room.RoomRecord;
import org.springframework.stereotype.Component;

/**
 * Checks directory entries received from other servers before any is merged. They come from
 * servers holding the secret, so a bad entry means a bug or a different version: the whole message
 * is refused with a clear detail rather than half applied.
 */
@Component
class EntryValidator {

    private static final Pattern PEER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Clock clock;
    private final Duration maxSkew;

    EntryValidator(Clock clock, RendezvousProperties properties) {
        this.clock = clock;
        this.maxSkew = properties.sync().maxClockSkew();
    }

    void check(PeerRecord peer) {
        require(peer != null, "null peer entry");
        require(peer.peerId() != null && PEER_ID.matcher(peer.peerId()).matches(), "peer id '" + peer.peerId() + "'");
        require(text(peer.name(), 1, 128), "name of peer " + peer.peerId());
        require(text(peer.address(), 1, 64), "address of peer " + peer.peerId());
        require(peer.port() >= 1 && peer.port() <= 65535, "port of peer " + peer.peerId());
        common(peer, "peer " + peer.peerId());
    }

    void check(RoomRecord room) {
        require(room != null, "null room entry");
        require(text(room.name(), 1, 128), "room name '" + room.name() + "'");
        require(room.topic() != null && text(room.topic(), 0, 512), "topic of room " + room.name());
        require(text(room.hostUrl(), 1, 512) && room.hostUrl().startsWith("http"), "host of room " + room.name());
        require(room.users() >= 0, "users of room " + room.name());
        common(room, "room " + room.name());
    }

    private void common(DirectoryEntry entry, String what) {
        require(entry.refreshedAt() != null, "timestamp of " + what);
        require(!entry.refreshedAt().isAfter(Instant.now(clock).plus(maxSkew)), "timestamp of " + what
                + " is in the future beyond the allowed clock skew");
        try {
            ServerAddress.parse(entry.homeServer());
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest("home server of " + what + ": " + e.getMessage());
        }
    }

    private static boolean text(String text, int min, int max) {
        return text != null && text.length() >= min && text.length() <= max
                && text.chars().noneMatch(Character::isISOControl);
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw RequestRefused.badRequest("invalid directory entry: " + what);
        }
    }
}
