package net.p2pnet.model.hash;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Sequential, incremental ed2k hashing of a byte stream: feed the bytes in order, then
 * {@link #finish()}. {@link ContentHasher} is the fast path for whole files (chunks in parallel);
 * this one suits data that arrives piecewise. Not thread-safe.
 */
public final class Ed2kHasher {

    private final Md4 md4 = new Md4();
    private final ByteArrayOutputStream chunkHashes = new ByteArrayOutputStream();
    private int inCurrentChunk;
    private long total;

    public void update(byte[] data, int offset, int length) {
        update(ByteBuffer.wrap(data, offset, length));
    }

    /** Consumes the buffer's remaining bytes. */
    public void update(ByteBuffer data) {
        while (data.hasRemaining()) {
            int take = Math.min(data.remaining(), Ed2kHash.CHUNK_SIZE - inCurrentChunk);
            md4.update(data.slice(data.position(), take));
            data.position(data.position() + take);
            inCurrentChunk += take;
            total += take;
            if (inCurrentChunk == Ed2kHash.CHUNK_SIZE) {
                chunkHashes.writeBytes(md4.digest());
                inCurrentChunk = 0;
            }
        }
    }

    /** The ed2k hash of everything fed so far. Ends this hasher's use. */
    public Ed2kHash finish() {
        if (inCurrentChunk > 0) {
            chunkHashes.writeBytes(md4.digest());
        }
        return Ed2kHash.of(total, chunkHashes.toByteArray());
    }
}
