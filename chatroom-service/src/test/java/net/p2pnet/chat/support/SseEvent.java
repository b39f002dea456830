package net.p2pnet.chat.support;

/** One Server-Sent Event as read off the wire. */
public record SseEvent(String id, String event, String data) {
}
