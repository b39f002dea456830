package net.p2pnet.chat.room;

/**
 * An event ready for the wire: formatted once as a Server-Sent Events frame, then written unchanged
 * to every subscriber (a room of 100 streams costs one JSON serialization per message, not 100).
 */
public record PublishedEvent(ChatEvent event, byte[] frame) {
}
