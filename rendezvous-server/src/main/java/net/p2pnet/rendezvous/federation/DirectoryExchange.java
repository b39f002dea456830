package net.p2pnet.rendezvous.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.net.ServerAddress;
import net.p2pnet.rendezvous.config.RendezvousProperties;
import net.p2pnet.rendezvous.config.SelfAddress;
import net.p2pnet.rendezvous.directory.DirectoryEntry;
import net.p2pnet.rendezvous.federation.FederationMessages.DirectoryPage;
import net.p2pnet.rendezvous.federation.FederationMessages.ServerList;
import net.p2pnet.rendezvous.federation.FederationMessages.SyncBatch;
import net.p2pnet.rendezvous.peer.PeerDirectory;
import net.p2pnet.rendezvous.peer.PeerRecord;
import net.p2pnet.rendezvous.room.RoomDirectory;
import net.p2pnet.rendezvous.room.RoomRecord;
import org.springframework.stereotype.Component;

/**
 * What servers exchange: server lists, pushed changes of the entries this server is home for
 * (coalesced per key, so a peer beating ten times between two pushes is sent once), and directory
 * pages for anti-entropy. Every received message is bounded and validated before it is merged.
 */
@Component
class DirectoryExchange {

    private final PeerDirectory peers;
    private final RoomDirectory rooms;
    private final ServerRegistry registry;
    private final EntryValidator validator;
    private final SelfAddress self;
    private final int batchSize;
    private final Map<String, PeerRecord> pendingPeers = new ConcurrentHashMap<>();
    private final Map<String, RoomRecord> pendingRooms = new ConcurrentHashMap<>();

    DirectoryExchange(PeerDirectory peers, RoomDirectory rooms, ServerRegistry registry, EntryValidator validator,
            SelfAddress self, RendezvousProperties properties) {
        this.peers = peers;
        this.rooms = rooms;
        this.registry = registry;
        this.validator = validator;
        this.self = self;
        this.batchSize = properties.sync().batchSize();
        // Only the home server pushes an entry: every server hears it once, straight from its owner.
        peers.ownChanges().subscribe(p -> queue(pendingPeers, p));
        rooms.ownChanges().subscribe(r -> queue(pendingRooms, r));
    }

    ServerList ourServers() {
        return new ServerList(self.id(), registry.shareable().stream().map(ServerAddress::toString).toList());
    }

    /** Adds the servers another server knows; true if any was new. */
    boolean learnServers(ServerList theirs) {
        if (theirs.servers().size() > ServerRegistry.MAX_SERVERS) {
            throw RequestRefused.tooLarge("server list of " + theirs.servers().size() + " entries exceeds "
                    + ServerRegistry.MAX_SERVERS);
        }
        List<ServerAddress> addresses = new ArrayList<>();
        for (String address : theirs.servers()) {
            try {
                addresses.add(ServerAddress.parse(address));
            } catch (IllegalArgumentException e) {
                throw RequestRefused.badRequest("server list entry: " + e.getMessage());
            }
        }
        boolean learnt = false;
        for (ServerAddress address : addresses) {
            learnt |= registry.add(address);
        }
        return learnt;
    }

    /** Merges a pushed batch; returns how many entries were newer than ours. */
    int receive(SyncBatch batch) {
        checkSize(batch.peers().size() + batch.rooms().size());
        batch.peers().forEach(validator::check);
        batch.rooms().forEach(validator::check);
        return merge(batch.peers(), batch.rooms());
    }

    int merge(List<PeerRecord> peerEntries, List<RoomRecord> roomEntries) {
        int changed = 0;
        for (PeerRecord peer : peerEntries) {
            changed += peers.entries().merge(peer) ? 1 : 0;
        }
        for (RoomRecord room : roomEntries) {
            changed += rooms.entries().merge(room) ? 1 : 0;
        }
        return changed;
    }

    DirectoryPage page(String kind, String after, int limit) {
        if (limit < 1 || limit > batchSize) {
            throw RequestRefused.badRequest("limit must be in 1-" + batchSize + ", got " + limit);
        }
        return switch (kind) {
            case "peers" -> {
                List<PeerRecord> page = peers.entries().page(after, limit);
                yield new DirectoryPage(page, List.of(), next(page, limit));
            }
            case "rooms" -> {
                List<RoomRecord> page = rooms.entries().page(after, limit);
                yield new DirectoryPage(List.of(), page, next(page, limit));
            }
            default -> throw RequestRefused.badRequest("kind must be 'peers' or 'rooms', got '" + kind + "'");
        };
    }

    /** Takes up to one batch of queued changes; empty when nothing is pending. */
    SyncBatch drain() {
        List<PeerRecord> peerBatch = take(pendingPeers, batchSize);
        List<RoomRecord> roomBatch = take(pendingRooms, batchSize - peerBatch.size());
        return new SyncBatch(self.id(), peerBatch, roomBatch);
    }

    void validate(DirectoryPage page) {
        checkSize(page.peers().size() + page.rooms().size());
        page.peers().forEach(validator::check);
        page.rooms().forEach(validator::check);
    }

    private void checkSize(int entries) {
        if (entries > batchSize) {
            throw RequestRefused.tooLarge("message of " + entries + " entries exceeds the batch size " + batchSize);
        }
    }

    private <E extends DirectoryEntry> void queue(Map<String, E> pending, E entry) {
        // Entries that stopped being ours (taken over, expired) are the new owner's to push.
        if (entry.homeServer().equals(self.id())) {
            pending.put(entry.key(), entry);
        }
    }

    private static <E extends DirectoryEntry> List<E> take(Map<String, E> pending, int max) {
        List<E> taken = new ArrayList<>();
        for (String key : pending.keySet()) {
            if (taken.size() >= max) {
                break;
            }
            E entry = pending.remove(key);
            if (entry != null) {
                taken.add(entry);
            }
        }
        return taken;
    }

    private static String next(List<? extends DirectoryEntry> page, int limit) {
        return page.size() < limit ? null : page.getLast().key();
    }
}
