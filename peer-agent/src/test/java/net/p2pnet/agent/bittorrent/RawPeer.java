package net.p2pnet.agent.bittorrent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/** A hand-driven peer on a raw socket: sends whatever a test wants, well-formed or hostile. */
final class RawPeer implements AutoCloseable {

    private static final AtomicLong NEXT_ID = new AtomicLong();
    static final byte[] PROTOCOL = "BitTorrent protocol".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    final DataInputStream in;
    final DataOutputStream out;

    RawPeer(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    /** A peer the agent connected to (the test accepted the agent's connection). */
    RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(20_000);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
    }

    static byte[] handshake(byte[] protocol, String infoHashHex, byte[] reserved) {
        // a fresh peer id each time: the agent keeps one connection per peer id and torrent
        byte[] peerId = String.format("-TT0001-%012d", NEXT_ID.incrementAndGet()).getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + protocol.length + 48).put((byte) protocol.length).put(protocol).put(reserved)
                .put(HexFormat.of().parseHex(infoHashHex)).put(peerId).array();
    }

    /** A well-formed handshake (BEP 10 bit set when {@code extensions}); reads the agent's answer. */
    RawPeer handshake(String infoHashHex, boolean extensions) throws IOException {
        byte[] reserved = new byte[8];
        if (extensions) {
            reserved[5] = 0x10;
        }
        send(handshake(PROTOCOL, infoHashHex, reserved));
        byte[] answer = new byte[68];
        in.readFully(answer);
        return this;
    }

    RawPeer send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    static byte[] message(int id, byte[] payload) {
        return ByteBuffer.allocate(5 + payload.length).putInt(1 + payload.length).put((byte) id).put(payload).array();
    }

    static byte[] ints(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        for (int v : values) {
            buffer.putInt(v);
        }
        return buffer.array();
    }

    /** A piece message carrying {@code block} at {@code begin} of piece {@code index}. */
    static byte[] piece(int index, int begin, byte[] block) {
        return message(7, ByteBuffer.allocate(8 + block.length).putInt(index).putInt(begin).put(block).array());
    }

    /** Reads messages until one with {@code id} arrives; returns its payload. */
    byte[] awaitMessage(int id) throws IOException {
        while (true) {
            int length = in.readInt();
            if (length == 0) {
                continue;
            }
            int got = in.readUnsignedByte();
            byte[] payload = new byte[length - 1];
            in.readFully(payload);
            if (got == id) {
                return payload;
            }
        }
    }

    /** Whether the agent closes the connection (reading and dropping what it still sends) within 20 s. */
    boolean closedByRemote() throws IOException {
        byte[] sink = new byte[64 * 1024];
        try {
            while (in.read(sink) >= 0) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
