package net.p2pnet.agent.bittorrent;

import java.util.BitSet;
import net.p2pnet.model.piece.Bitfield;

/**
 * Which pieces the peer has, as its bitfield, HAVE, have_all and have_none tell, each checked
 * against the piece count (or, before the metadata is known, against the most any torrent we
 * accept can have). Thread-safe; it calls nothing while it holds its monitor.
 */
final class PeerPieces {

    private final BitSet has = new BitSet();
    private boolean all;
    private boolean known;

    /** @param pieceCount the torrent's, or -1 while unknown (a magnet) */
    static void checkIndex(int index, int pieceCount) throws ProtocolViolation {
        if (index < 0 || index >= (pieceCount >= 0 ? pieceCount : MetadataExchange.MAX_UNKNOWN_PIECES)) {
            throw new ProtocolViolation("have for piece " + index + (pieceCount >= 0 ? " of " + pieceCount : ""));
        }
    }

    /** A bitfield message's pieces. @param pieceCount the torrent's, or -1 while unknown (a magnet) */
    static BitSet parseBitfield(byte[] wire, int pieceCount) throws ProtocolViolation {
        BitSet bits = new BitSet();
        if (pieceCount >= 0) {
            try {
                Bitfield.fromBytes(wire, pieceCount).present().forEach(bits::set);
            } catch (IllegalArgumentException e) {
                throw new ProtocolViolation("bad bitfield: " + e.getMessage());
            }
            return bits;
        }
        // a magnet: the piece count is not known yet, so only the most a torrent can have is checked
        if (wire.length > (MetadataExchange.MAX_UNKNOWN_PIECES + 7) / 8) {
            throw new ProtocolViolation("bitfield of " + wire.length + " bytes, more than any torrent's "
                    + MetadataExchange.MAX_UNKNOWN_PIECES + " pieces take");
        }
        for (int i = 0; i < wire.length * 8; i++) {
            if ((wire[i >>> 3] & (0x80 >>> (i & 7))) != 0) {
                bits.set(i);
            }
        }
        return bits;
    }

    /** HAVE (index checked); true when it is the first the peer told of its pieces. */
    synchronized boolean have(int index) {
        has.set(index);
        boolean first = !known;
        known = true;
        return first;
    }

    synchronized void replace(BitSet bits) {
        has.clear();
        has.or(bits);
        all = false;
        known = true;
    }

    /** have_all or have_none (BEP 6). */
    synchronized void haveAll(boolean haveAll) {
        has.clear();
        all = haveAll;
        known = true;
    }

    /** A copy; a have_all counts as every one of {@code pieceCount} pieces (none while that is unknown). */
    synchronized BitSet copy(int pieceCount) {
        BitSet copy = (BitSet) has.clone();
        if (all && pieceCount > 0) {
            copy.set(0, pieceCount);
        }
        return copy;
    }

    /** The peer told which pieces it has, and {@code index} is not among them. */
    synchronized boolean lacks(int index) {
        return known && !all && !has.get(index);
    }
}
