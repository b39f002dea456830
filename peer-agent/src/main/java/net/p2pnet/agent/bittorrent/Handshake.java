package net.p2pnet.agent.bittorrent;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The BEP 3 handshake: pstrlen 19, "BitTorrent protocol", 8 reserved bytes, info-hash, peer id.
 *
 * @param reserved extension bits: BEP 10 is {@code reserved[5] & 0x10}, BEP 6 fast {@code reserved[7] & 0x04}
 */
record Handshake(byte[] reserved, byte[] infoHash, byte[] peerId) {

    static final int LENGTH = 68;
    private static final byte[] PROTOCOL = "BitTorrent protocol".getBytes(StandardCharsets.US_ASCII);

    /** What this agent sends: extension protocol and fast extension. */
    static Handshake ours(byte[] infoHash, byte[] peerId) {
        byte[] reserved = new byte[8];
        reserved[5] |= 0x10;
        reserved[7] |= 0x04;
        return new Handshake(reserved, infoHash, peerId);
    }

    boolean extensionProtocol() {
        return (reserved[5] & 0x10) != 0;
    }

    boolean fast() {
        return (reserved[7] & 0x04) != 0;
    }

    void write(OutputStream out) throws IOException {
        out.write(ByteBuffer.allocate(LENGTH).put((byte) PROTOCOL.length).put(PROTOCOL).put(reserved).put(infoHash)
                .put(peerId).array());
        out.flush();
    }

    /** Not a plain BEP 3 handshake: refused, but no sign of a hostile peer. */
    static final class UnsupportedHandshake extends IOException {
        UnsupportedHandshake(String message) {
            super(message);
        }
    }

    /** Reads a handshake; a wrong protocol string is a {@link ProtocolViolation}. */
    static Handshake read(DataInputStream in) throws IOException {
        byte[] head = new byte[LENGTH];
        in.readFully(head, 0, 1);
        if (head[0] != PROTOCOL.length) {
            // typically an encrypted (MSE/PE) handshake, which we do not speak; clients then retry in plain text
            throw new UnsupportedHandshake("handshake protocol string length is " + (head[0] & 0xff)
                    + ", not 19 (encrypted handshakes, MSE/PE, are not supported)");
        }
        in.readFully(head, 1, LENGTH - 1);
        if (!Arrays.equals(head, 1, 20, PROTOCOL, 0, PROTOCOL.length)) {
            throw new ProtocolViolation("handshake protocol string is not 'BitTorrent protocol'");
        }
        return new Handshake(Arrays.copyOfRange(head, 20, 28), Arrays.copyOfRange(head, 28, 48),
                Arrays.copyOfRange(head, 48, 68));
    }
}
