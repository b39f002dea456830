package net.p2pnet.agent.download;

import net.p2pnet.model.hash.Ed2kHash;

/**
 * The ed2k hashset a download checks its chunks against, and who it came from: the first source
 * that stated one (sources whose hashset differs are rejected), replaced by the file's own once the
 * final check hashed it. Dropped when a chunk proves it wrong, so the next source's is adopted.
 */
final class AdoptedHashset {

    private record Adopted(Ed2kHash hashset, String from) {
    }

    private volatile Adopted adopted;

    /** Adopts {@code hashset} (stated by {@code from}) unless one is already adopted; null is ignored. */
    synchronized void adopt(Ed2kHash hashset, String from) {
        if (adopted == null && hashset != null) {
            adopted = new Adopted(hashset, from);
        }
    }

    /** The adopted hashset proved wrong (a chunk failed MD4 while its pieces passed SHA-1). */
    synchronized void drop() {
        adopted = null;
    }

    /** The hashset, or null while none is known. */
    Ed2kHash current() {
        Adopted now = adopted;
        return now == null ? null : now.hashset();
    }

    /** The key of the source it came from ("final check" for the file's own), or null. */
    String from() {
        Adopted now = adopted;
        return now == null ? null : now.from();
    }
}
