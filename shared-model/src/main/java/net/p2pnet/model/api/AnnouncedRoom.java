package net.p2pnet.model.api;

/** One room as a chatroom service reports it to a rendezvous server. */
public record AnnouncedRoom(String name, String topic, int users) {
}
