package net.p2pnet.agent.room;

/** A room request that cannot be honoured: bad name, not joined, unknown room. */
public class RoomException extends RuntimeException {

    private final boolean notFound;

    public RoomException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public boolean notFound() {
        return notFound;
    }
}
