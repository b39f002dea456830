package net.p2pnet.rendezvous.peer;

import net.p2pnet.rendezvous.config.SelfAddress;
import net.p2pnet.rendezvous.directory.OwnEntryPersister;
import org.springframework.stereotype.Component;

/** Peers registered on this server, kept in {@code own_peer}. */
@Component
public class PeerPersistence {

    private final OwnEntryPersister<PeerRecord, OwnPeerEntity, String> persister;
    private final PeerDirectory directory;
    private final SelfAddress self;

    public PeerPersistence(PeerDirectory directory, OwnPeerRepository repository, SelfAddress self) {
        this.directory = directory;
        this.self = self;
        this.persister = new OwnEntryPersister<>(directory.entries(), directory.ownChanges(), repository,
                OwnPeerEntity::new, PeerRecord::peerId);
    }

    public int load() {
        return persister.load(row -> row.toRecord(self.id()));
    }

    /** Expires peers that missed their heartbeats, then writes pending changes. */
    public void expireAndFlush() {
        directory.expire();
        persister.flush();
    }
}
