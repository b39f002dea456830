package net.p2pnet.tracker.swarm;

/**
 * An announce or scrape the tracker refuses. The message is the BitTorrent {@code failure reason}
 * (HTTP) or the error text (UDP action 3) sent to the client, so it must be clear on its own.
 */
public class TrackerRefusal extends RuntimeException {

    public TrackerRefusal(String reason) {
        super(reason, null, false, false);
    }
}
