package net.p2pnet.agent.bittorrent;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import net.p2pnet.agent.bittorrent.WireMessage.Bitfield;
import net.p2pnet.agent.bittorrent.WireMessage.Cancel;
import net.p2pnet.agent.bittorrent.WireMessage.Extended;
import net.p2pnet.agent.bittorrent.WireMessage.Have;
import net.p2pnet.agent.bittorrent.WireMessage.Ignored;
import net.p2pnet.agent.bittorrent.WireMessage.Piece;
import net.p2pnet.agent.bittorrent.WireMessage.Reject;
import net.p2pnet.agent.bittorrent.WireMessage.Request;
import net.p2pnet.agent.bittorrent.WireMessage.Signal;

/**
 * The peer wire's framing (a 4-byte length, an id, the payload) both ways. Reading bounds every
 * message before its payload is allocated and checks the size of every fixed-size message, so a
 * {@link WireMessage} that comes out is well-formed; what it means for the connection (a piece
 * index beyond the torrent, data we never asked for) is the connection's to judge.
 */
final class WireCodec {

    static final int CHOKE = 0;
    static final int UNCHOKE = 1;
    static final int INTERESTED = 2;
    static final int NOT_INTERESTED = 3;
    static final int HAVE = 4;
    static final int BITFIELD = 5;
    static final int REQUEST = 6;
    static final int PIECE = 7;
    static final int CANCEL = 8;
    static final int HAVE_ALL = 14;
    static final int HAVE_NONE = 15;
    static final int REJECT = 16;
    static final int EXTENDED = 20;

    /** Blocks are requested (and answered) in 16 KiB. */
    static final int BLOCK = 16 * 1024;
    /** Largest message we accept: a 1 MiB payload (bitfields of huge torrents, metadata) plus headers. */
    static final int MAX_MESSAGE = (1 << 20) + 13;
    /** Length, id, index and begin in front of a block. */
    static final int PIECE_HEADER = 13;
    /** A piece message answers a request of ours, which is never more than one block. */
    static final int MAX_PIECE_MESSAGE = BLOCK + PIECE_HEADER;

    private static final byte[] NO_PAYLOAD = new byte[0];
    /** Signals have one wire form each; the writer only reads frames, so they are shared. */
    private static final Map<Signal, byte[]> SIGNAL_FRAMES = new EnumMap<>(Signal.class);

    static {
        for (Signal signal : Signal.values()) {
            SIGNAL_FRAMES.put(signal, signal == Signal.KEEP_ALIVE ? new byte[4] : header(1, signal.id, 0));
        }
    }

    private WireCodec() {
    }

    // ---------------------------------------------------------------- reading

    /** Reads the next message; a malformed one is a {@link ProtocolViolation}. */
    static WireMessage read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == 0) {
            return Signal.KEEP_ALIVE;
        }
        if (length < 0 || length > MAX_MESSAGE) {
            throw new ProtocolViolation("message length " + Integer.toUnsignedString(length)
                    + " exceeds the limit of " + MAX_MESSAGE);
        }
        int id = in.readUnsignedByte();
        if (id == PIECE && length > MAX_PIECE_MESSAGE) {
            throw new ProtocolViolation("piece message of " + length + " bytes, more than the "
                    + MAX_PIECE_MESSAGE + " a 16 KiB block takes");
        }
        byte[] payload = length == 1 ? NO_PAYLOAD : new byte[length - 1];
        in.readFully(payload);
        return decode(id, payload);
    }

    static WireMessage decode(int id, byte[] p) throws ProtocolViolation {
        return switch (id) {
            case CHOKE -> signal(id, p, Signal.CHOKE);
            case UNCHOKE -> signal(id, p, Signal.UNCHOKE);
            case INTERESTED -> signal(id, p, Signal.INTERESTED);
            case NOT_INTERESTED -> signal(id, p, Signal.NOT_INTERESTED);
            case HAVE_ALL -> signal(id, p, Signal.HAVE_ALL);
            case HAVE_NONE -> signal(id, p, Signal.HAVE_NONE);
            case HAVE -> {
                expectLength(id, p, 4);
                yield new Have(intAt(p, 0));
            }
            case BITFIELD -> new Bitfield(p);
            case REQUEST -> {
                expectLength(id, p, 12);
                yield new Request(intAt(p, 0), intAt(p, 4), intAt(p, 8));
            }
            case CANCEL -> {
                expectLength(id, p, 12);
                yield new Cancel(intAt(p, 0), intAt(p, 4), intAt(p, 8));
            }
            case REJECT -> {
                expectLength(id, p, 12);
                yield new Reject(intAt(p, 0), intAt(p, 4), intAt(p, 8));
            }
            case PIECE -> {
                if (p.length <= 8) {
                    throw new ProtocolViolation("piece message without block data");
                }
                yield new Piece(intAt(p, 0), intAt(p, 4), p, 8, p.length - 8);
            }
            case EXTENDED -> {
                if (p.length < 1) {
                    throw new ProtocolViolation("extended message without an extension id");
                }
                yield new Extended(p[0] & 0xff, Arrays.copyOfRange(p, 1, p.length));
            }
            default -> new Ignored(id);
        };
    }

    private static Signal signal(int id, byte[] payload, Signal signal) throws ProtocolViolation {
        expectLength(id, payload, 0);
        return signal;
    }

    private static void expectLength(int id, byte[] payload, int length) throws ProtocolViolation {
        if (payload.length != length) {
            throw new ProtocolViolation("message " + id + " has a " + payload.length + "-byte payload, not " + length);
        }
    }

    private static int intAt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    // ---------------------------------------------------------------- writing

    /** The message's wire form. Signal frames are shared: the caller must not change what it gets. */
    static byte[] encode(WireMessage message) {
        return switch (message) {
            case Signal signal -> SIGNAL_FRAMES.get(signal);
            case Have have -> putInt(header(5, HAVE, 4), 5, have.index());
            case Bitfield bitfield -> withPayload(BITFIELD, bitfield.bits());
            case Request r -> block(REQUEST, r.index(), r.begin(), r.length());
            case Cancel c -> block(CANCEL, c.index(), c.begin(), c.length());
            case Reject r -> block(REJECT, r.index(), r.begin(), r.length());
            case Piece piece -> {
                byte[] frame = pieceFrame(piece.index(), piece.begin(), piece.length());
                System.arraycopy(piece.buffer(), piece.offset(), frame, PIECE_HEADER, piece.length());
                yield frame;
            }
            case Extended e -> {
                byte[] frame = header(2 + e.payload().length, EXTENDED, 1 + e.payload().length);
                frame[5] = (byte) e.extension();
                System.arraycopy(e.payload(), 0, frame, 6, e.payload().length);
                yield frame;
            }
            case Ignored ignored -> throw new IllegalArgumentException("message " + ignored.id() + " is never sent");
        };
    }

    /** A piece message whose block ({@code length} bytes from {@link #PIECE_HEADER}) the caller fills in. */
    static byte[] pieceFrame(int index, int begin, int length) {
        return putInt(putInt(header(9 + length, PIECE, 8 + length), 5, index), 9, begin);
    }

    /** Whether a frame carries piece data (what the upload budget counts). */
    static boolean isPiece(byte[] frame) {
        return frame.length > PIECE_HEADER && frame[4] == PIECE;
    }

    private static byte[] block(int id, int index, int begin, int length) {
        return putInt(putInt(putInt(header(13, id, 12), 5, index), 9, begin), 13, length);
    }

    private static byte[] withPayload(int id, byte[] payload) {
        byte[] frame = header(1 + payload.length, id, payload.length);
        System.arraycopy(payload, 0, frame, 5, payload.length);
        return frame;
    }

    /** A frame of {@code payload} bytes after the id, with its length prefix and id set. */
    private static byte[] header(int length, int id, int payload) {
        byte[] frame = new byte[5 + payload];
        putInt(frame, 0, length);
        frame[4] = (byte) id;
        return frame;
    }

    private static byte[] putInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
        return b;
    }
}
