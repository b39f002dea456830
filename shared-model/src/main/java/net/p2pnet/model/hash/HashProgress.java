package net.p2pnet.model.hash;

/** Told how far a hashing run has come; called on the thread that asked for the hashes. */
@FunctionalInterface
public interface HashProgress {

    HashProgress NONE = (done, total) -> { };

    /**
     * @param bytesDone bytes fully hashed so far
     * @param totalBytes the content's size, or -1 when unknown (a stream)
     */
    void progress(long bytesDone, long totalBytes);
}
