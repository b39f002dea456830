package net.p2pnet.tracker.registry;

import net.p2pnet.model.api.RequestRefused;
import net.p2pnet.model.text.Excerpt;
import net.p2pnet.tracker.swarm.Key20;

/** An info-hash in a REST path: 40 hex digits. */
public final class InfoHashParam {

    private InfoHashParam() {
    }

    /** @throws RequestRefused (400) with a message for the client */
    public static Key20 parse(String text) {
        if (text == null || !text.matches("[0-9a-fA-F]{40}")) {
            throw RequestRefused.badRequest("info-hash must be 40 hex digits, got '"
                    + (text == null ? "" : Excerpt.printable(text)) + "'");
        }
        return Key20.ofHex(text);
    }
}
