package net.p2pnet.agent.bittorrent;

/**
 * One peer-wire message after the handshake (BEP 3, BEP 6 fast extension, BEP 10 extended), as
 * {@link WireCodec} reads and writes it. Messages without a payload are {@link Signal}s, so reading
 * them allocates nothing.
 */
sealed interface WireMessage {

    /** The messages that are only an id (and the keep-alive, which is not even that). */
    enum Signal implements WireMessage {
        KEEP_ALIVE(-1), CHOKE(WireCodec.CHOKE), UNCHOKE(WireCodec.UNCHOKE), INTERESTED(WireCodec.INTERESTED),
        NOT_INTERESTED(WireCodec.NOT_INTERESTED), HAVE_ALL(WireCodec.HAVE_ALL), HAVE_NONE(WireCodec.HAVE_NONE);

        final int id;

        Signal(int id) {
            this.id = id;
        }
    }

    record Have(int index) implements WireMessage {
    }

    /** The raw bits as sent: only the connection knows the piece count to check them against. */
    record Bitfield(byte[] bits) implements WireMessage {
    }

    record Request(int index, int begin, int length) implements WireMessage {
    }

    /**
     * A block of piece data: {@code length} bytes of {@code buffer} from {@code offset} (the
     * buffer is the message as read, so a block is copied once, into the piece it belongs to).
     */
    record Piece(int index, int begin, byte[] buffer, int offset, int length) implements WireMessage {
    }

    record Cancel(int index, int begin, int length) implements WireMessage {

        Request request() {
            return new Request(index, begin, length);
        }
    }

    /** BEP 6: the peer will not serve that request. */
    record Reject(int index, int begin, int length) implements WireMessage {
    }

    /** BEP 10: {@code extension} 0 is the extension handshake, else the id we gave an extension. */
    record Extended(int extension, byte[] payload) implements WireMessage {
    }

    /** PORT (DHT, off here), SUGGEST, ALLOWED_FAST and ids we do not know: read, then ignored (BEP 3). */
    record Ignored(int id) implements WireMessage {
    }
}
