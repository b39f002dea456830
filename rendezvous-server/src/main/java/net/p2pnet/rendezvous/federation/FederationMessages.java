package net.p2pnet.rendezvous.federation;

import java.util.List;
import net.p2pnet.rendezvous.peer.PeerRecord;
import net.p2pnet.rendezvous.room.RoomRecord;

/** The JSON messages of {@code /federation/v1}; only rendezvous servers speak them. */
public final class FederationMessages {

    private FederationMessages() {
    }

    /** Handshake step 1 (initiator → responder). */
    public record Hello(String initiator, String network, String initiatorNonce) {
    }

    /** Handshake step 2: the responder's identity, challenge and proof. */
    public record HelloReply(String responder, String responderNonce, String proof) {
    }

    /** Handshake step 3: the initiator's proof over the same transcript. */
    public record Confirm(String initiator, String responder, String initiatorNonce, String responderNonce,
            String proof) {
    }

    /** The servers one server knows (signed, both ways). */
    public record ServerList(String from, List<String> servers) {
        public ServerList {
            servers = servers == null ? List.of() : List.copyOf(servers);
        }
    }

    /** Changed entries pushed to other servers (signed). */
    public record SyncBatch(String from, List<PeerRecord> peers, List<RoomRecord> rooms) {
        public SyncBatch {
            peers = peers == null ? List.of() : List.copyOf(peers);
            rooms = rooms == null ? List.of() : List.copyOf(rooms);
        }
    }

    /**
     * One page of one of a server's directories (peers or rooms, the other list empty) for
     * anti-entropy; {@code next} is the cursor of the following page, null at the end.
     */
    public record DirectoryPage(List<PeerRecord> peers, List<RoomRecord> rooms, String next) {
        public DirectoryPage {
            peers = peers == null ? List.of() : List.copyOf(peers);
            rooms = rooms == null ? List.of() : List.copyOf(rooms);
        }
    }
}
