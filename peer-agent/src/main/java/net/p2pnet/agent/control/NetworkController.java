package net.p2pnet.agent.control;

import java.util.List;
import net.p2pnet.agent.upstream.RendezvousSession;
import net.p2pnet.agent.upstream.TrackerClient;
import net.p2pnet.model.api.FileHit;
import net.p2pnet.model.api.RendezvousSessionView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The network around this agent: its rendezvous session, neighbours and friends' current
 * addresses (from any rendezvous server), and file search through the tracker.
 */
@RestController
class NetworkController {

    private static final java.util.regex.Pattern PEER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_WORDS_LENGTH = 200;

    private final RendezvousSession rendezvous;
    private final TrackerClient tracker;

    NetworkController(RendezvousSession rendezvous, TrackerClient tracker) {
        this.rendezvous = rendezvous;
        this.tracker = tracker;
    }

    @GetMapping("/api/v1/network")
    RendezvousSessionView status() {
        return rendezvous.status();
    }

    /** Neighbours: a sample of live peers of the network. */
    @GetMapping("/api/v1/peers")
    JsonNode peers(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw new BadControlRequestException("limit must be 1-200");
        }
        return rendezvous.query("/api/v1/peers?limit=" + limit);
    }

    /** A friend's current address, by peer id. */
    @GetMapping("/api/v1/peers/{peerId}")
    JsonNode peer(@PathVariable String peerId) {
        if (!PEER_ID.matcher(peerId).matches()) {
            throw new BadControlRequestException("'" + peerId + "' is not a peer id");
        }
        return rendezvous.query("/api/v1/peers/" + peerId);
    }

    @GetMapping("/api/v1/search")
    List<FileHit> search(@RequestParam String q) {
        if (q.isBlank() || q.length() > MAX_WORDS_LENGTH) {
            throw new BadControlRequestException("q must be 1-" + MAX_WORDS_LENGTH + " characters of search words");
        }
        return tracker.search(q);
    }
}
