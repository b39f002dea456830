package net.p2pnet.agent.bittorrent;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import net.p2pnet.agent.bittorrent.WireMessage.Extended;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.Bencode;
import net.p2pnet.model.bencode.BencodeLimits;
import net.p2pnet.model.torrent.InfoDictionary;

/**
 * BEP 9 ut_metadata on one connection: serves the info dictionary of the content we have (its
 * exact bytes, in 16 KiB pieces) and fetches it from the peer for a magnet link, one fetch at a
 * time, checked against the info-hash.
 */
final class MetadataExchange {

    private static final int MAX_METADATA = 16 << 20;
    /**
     * Before the metadata is known (a magnet), a piece index or bitfield is checked against the
     * most pieces metadata we would accept can list (20 bytes of SHA-1 each): a HAVE for piece
     * 2^31-1 must not make us size a bitset for it.
     */
    static final int MAX_UNKNOWN_PIECES = MAX_METADATA / 20;

    private final PeerLink peer;
    private final Outbox outbox;
    private final String infoHash;
    private final Map<String, Integer> learntPieceCounts;

    /** Held for a whole fetch: the peer's answers carry no request id, so one fetch runs at a time. */
    private final ReentrantLock oneFetch = new ReentrantLock();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Fetch fetch; // guarded by lock

    private static final class Fetch {
        final byte[] data;
        final BitSet received = new BitSet();
        final int pieces;
        String failure;

        Fetch(int size) {
            data = new byte[size];
            pieces = (size + Extensions.METADATA_PIECE - 1) / Extensions.METADATA_PIECE;
        }

        int pieceLength(int piece) {
            return Math.min(Extensions.METADATA_PIECE, data.length - piece * Extensions.METADATA_PIECE);
        }
    }

    /** @param learntPieceCounts where a fetched info dictionary's piece count is noted, by info-hash */
    MetadataExchange(PeerLink peer, Outbox outbox, String infoHash, Map<String, Integer> learntPieceCounts) {
        this.peer = peer;
        this.outbox = outbox;
        this.infoHash = infoHash;
        this.learntPieceCounts = learntPieceCounts;
    }

    /** A ut_metadata message from the peer (a request, data or a reject). */
    void onMessage(byte[] payload) throws ProtocolViolation {
        BDictionary d = Bencode.decodeDictionaryPrefix(payload, BencodeLimits.EXTENSION_MESSAGE);
        int type = Extensions.intOrMinusOne(d, "msg_type");
        int piece = Extensions.intOrMinusOne(d, "piece");
        if (type < 0 || piece < 0) {
            throw new ProtocolViolation("ut_metadata message without msg_type or piece");
        }
        switch (type) {
            case 0 -> serve(piece);
            case 1 -> onData(piece, Extensions.intOrMinusOne(d, "total_size"), payload, d.rawBytes().length);
            case 2 -> onReject(piece);
            default -> {
                // unknown message types are ignored (BEP 9)
            }
        }
    }

    private void serve(int piece) {
        int remoteId = peer.extensions().metadataId();
        if (remoteId <= 0) {
            return; // it never told us its id for ut_metadata: we cannot answer
        }
        Optional<ServedTorrent> content = peer.content();
        if (content.isEmpty() || (long) piece * Extensions.METADATA_PIECE >= content.get().infoDictionary().length) {
            outbox.send(new Extended(remoteId, Extensions.metadataReject(piece)));
        } else {
            outbox.send(new Extended(remoteId, Extensions.metadataData(piece, content.get().infoDictionary())));
        }
    }

    private void onData(int piece, int totalSize, byte[] payload, int dataStart) throws ProtocolViolation {
        lock.lock();
        try {
            if (fetch == null) {
                return; // unsolicited (or after we gave up): ignored
            }
            int length = payload.length - dataStart;
            if (piece >= fetch.pieces || totalSize != fetch.data.length || length != fetch.pieceLength(piece)) {
                throw new ProtocolViolation("ut_metadata piece " + piece + " of " + length + " bytes (total "
                        + totalSize + ") does not fit metadata of " + fetch.data.length + " bytes");
            }
            System.arraycopy(payload, dataStart, fetch.data, piece * Extensions.METADATA_PIECE, length);
            fetch.received.set(piece);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void onReject(int piece) {
        lock.lock();
        try {
            if (fetch != null) {
                fetch.failure = peer.key() + " rejected our request for metadata piece " + piece;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The connection closed: a fetch waiting for data gives up. */
    void closed() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fetches the info dictionary and checks its SHA-1 against the info-hash; notes its piece count.
     * Call once the peer's extension handshake is in (or did not come).
     *
     * @param deadline {@link System#nanoTime} by which the metadata must be in
     * @param timeout  what the deadline was, for the message when it passes
     */
    byte[] fetch(long deadline, Duration timeout) throws IOException, InterruptedException {
        oneFetch.lockInterruptibly();
        try {
            byte[] data = fetchPieces(timeout, deadline);
            if (!MessageDigest.isEqual(sha1(data), HexFormat.of().parseHex(infoHash))) {
                throw new IOException("metadata from " + peer.key() + " does not hash to info-hash " + infoHash);
            }
            try {
                // lets have() size a have_all, and checks bitfields of later connections, before the content exists
                InfoDictionary info = InfoDictionary.of(Bencode.decodeDictionary(data, BencodeLimits.TORRENT));
                learntPieceCounts.put(infoHash, info.pieceCount());
            } catch (RuntimeException e) {
                throw new IOException("metadata from " + peer.key() + " is not a valid info dictionary: "
                        + e.getMessage(), e);
            }
            return data;
        } finally {
            oneFetch.unlock();
        }
    }

    private byte[] fetchPieces(Duration timeout, long deadline) throws IOException, InterruptedException {
        peer.ensureOpen();
        PeerExtensions remote = peer.extensions();
        if (!remote.received() || remote.metadataId() <= 0) {
            throw new IOException(peer.key() + " does not offer ut_metadata (BEP 9)");
        }
        if (remote.metadataSize() <= 0 || remote.metadataSize() > MAX_METADATA) {
            throw new IOException(peer.key() + " announced metadata_size " + remote.metadataSize()
                    + " (must be 1.." + MAX_METADATA + ")");
        }
        Fetch current = new Fetch(remote.metadataSize());
        lock.lock();
        try {
            fetch = current;
        } finally {
            lock.unlock();
        }
        try {
            for (int piece = 0; piece < current.pieces; piece++) {
                outbox.send(new Extended(remote.metadataId(), Extensions.metadataRequest(piece)));
            }
            lock.lock();
            try {
                while (current.received.cardinality() < current.pieces) {
                    peer.ensureOpen();
                    if (current.failure != null) {
                        throw new IOException(current.failure);
                    }
                    long wait = deadline - System.nanoTime();
                    if (wait <= 0) {
                        throw new IOException("no metadata from " + peer.key() + " within " + timeout);
                    }
                    changed.awaitNanos(wait);
                }
            } finally {
                lock.unlock();
            }
            return current.data;
        } finally {
            lock.lock();
            try {
                fetch = null;
            } finally {
                lock.unlock();
            }
        }
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
