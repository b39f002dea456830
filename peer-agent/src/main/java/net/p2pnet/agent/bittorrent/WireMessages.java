package net.p2pnet.agent.bittorrent;

import java.nio.ByteBuffer;

/** BEP 3 / BEP 6 / BEP 10 message ids and their wire form (4-byte length prefix, id, payload). */
final class WireMessages {

    static final int CHOKE = 0;
    static final int UNCHOKE = 1;
    static final int INTERESTED = 2;
    static final int NOT_INTERESTED = 3;
    static final int HAVE = 4;
    static final int BITFIELD = 5;
    static final int REQUEST = 6;
    static final int PIECE = 7;
    static final int CANCEL = 8;
    static final int PORT = 9;
    static final int SUGGEST = 13;
    static final int HAVE_ALL = 14;
    static final int HAVE_NONE = 15;
    static final int REJECT = 16;
    static final int ALLOWED_FAST = 17;
    static final int EXTENDED = 20;

    static final byte[] KEEP_ALIVE = new byte[4];

    private WireMessages() {
    }

    static byte[] simple(int id) {
        return ByteBuffer.allocate(5).putInt(1).put((byte) id).array();
    }

    static byte[] have(int index) {
        return ByteBuffer.allocate(9).putInt(5).put((byte) HAVE).putInt(index).array();
    }

    static byte[] bitfield(byte[] bits) {
        return ByteBuffer.allocate(5 + bits.length).putInt(1 + bits.length).put((byte) BITFIELD).put(bits).array();
    }

    /** request, cancel and reject share one layout: index, begin, length. */
    static byte[] block(int id, int index, int begin, int length) {
        return ByteBuffer.allocate(17).putInt(13).put((byte) id).putInt(index).putInt(begin).putInt(length).array();
    }

    static byte[] piece(int index, int begin, byte[] data, int length) {
        return ByteBuffer.allocate(13 + length).putInt(9 + length).put((byte) PIECE).putInt(index).putInt(begin)
                .put(data, 0, length).array();
    }

    static byte[] extended(int extensionId, byte[] payload) {
        return ByteBuffer.allocate(6 + payload.length).putInt(2 + payload.length).put((byte) EXTENDED)
                .put((byte) extensionId).put(payload).array();
    }
}
