package net.p2pnet.chat.auth;

/** The caller of a room API request, as named by its verified peer ticket. */
public record Peer(String id, String name) {
}
