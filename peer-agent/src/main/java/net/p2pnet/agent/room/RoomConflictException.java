package net.p2pnet.agent.room;

/** A room request that clashes with the room's state, e.g. a name already taken (409). */
public class RoomConflictException extends RoomException {

    public RoomConflictException(String message) {
        super(message, false);
    }
}
