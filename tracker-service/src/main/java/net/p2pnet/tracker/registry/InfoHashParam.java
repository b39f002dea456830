package net.p2pnet.tracker.registry;

import net.p2pnet.tracker.swarm.Key20;

/** An info-hash in a REST path: 40 hex digits. */
public final class InfoHashParam {

    private InfoHashParam() {
    }

    /** @throws IllegalArgumentException with a message for the client */
    public static Key20 parse(String text) {
        if (text == null || !text.matches("[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("info-hash must be 40 hex digits, got '" + abbreviate(text) + "'");
        }
        return Key20.ofHex(text);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
