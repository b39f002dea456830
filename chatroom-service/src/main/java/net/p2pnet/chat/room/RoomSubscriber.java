package net.p2pnet.chat.room;

/** Someone reading a room's events live (an SSE stream). */
public interface RoomSubscriber {

    /** The peer whose ticket opened the stream. */
    String peerId();

    /**
     * Queues the event without blocking; false when the subscriber cannot keep up, and is then
     * dropped (it resumes with Last-Event-ID).
     */
    boolean offer(PublishedEvent event);

    /** Ends the stream (room deleted, member kicked, subscriber too slow). */
    void close();
}
