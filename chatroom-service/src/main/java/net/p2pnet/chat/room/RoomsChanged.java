package net.p2pnet.chat.room;

/** Published when a room appears, disappears, changes topic or user count: the directory re-announces. */
public record RoomsChanged() {
}
