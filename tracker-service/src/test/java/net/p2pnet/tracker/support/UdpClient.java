package net.p2pnet.tracker.support;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A BEP 15 client on its own socket (so its own source address and port), for attack replays. */
public final class UdpClient implements AutoCloseable {

    private static final long PROTOCOL_ID = 0x41727101980L;
    public static final int STARTED = 2;
    public static final int STOPPED = 3;

    private final DatagramSocket socket;
    private final InetSocketAddress tracker;
    private long connectionId;
    private int transaction;

    /**
     * @param host the tracker's address as this client reaches it, also the client's own address: any
     *             of 127.0.0.0/8 or ::1, so tests can play several machines
     */
    public UdpClient(String host, int port) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(host, 0));
        socket.setSoTimeout(10_000);
        tracker = new InetSocketAddress(host, port);
    }

    public UdpClient connect() throws IOException {
        ByteBuffer answer = exchange(ByteBuffer.allocate(16).putLong(PROTOCOL_ID).putInt(0).putInt(++transaction));
        answer.getInt();
        answer.getInt();
        connectionId = answer.getLong();
        return this;
    }

    /** The answer after action and transaction id: the announce's body, or an error's text. */
    public Answer announce(byte[] infoHash, byte[] peerId, int event, int key, int port) throws IOException {
        ByteBuffer request = ByteBuffer.allocate(98).putLong(connectionId).putInt(1).putInt(++transaction)
                .put(infoHash).put(peerId).putLong(0).putLong(1000).putLong(0).putInt(event).putInt(0)
                .putInt(key).putInt(-1).putShort((short) port);
        ByteBuffer answer = exchange(request);
        int action = answer.getInt();
        answer.getInt();
        return new Answer(action, answer);
    }

    private ByteBuffer exchange(ByteBuffer request) throws IOException {
        byte[] bytes = Arrays.copyOf(request.array(), request.position());
        socket.send(new DatagramPacket(bytes, bytes.length, tracker));
        DatagramPacket response = new DatagramPacket(new byte[4096], 4096);
        socket.receive(response);
        return ByteBuffer.wrap(response.getData(), 0, response.getLength());
    }

    @Override
    public void close() {
        socket.close();
    }

    /** @param action 1 for an announce answer, 3 for an error */
    public record Answer(int action, ByteBuffer rest) {

        public boolean refused() {
            return action == 3;
        }

        public String error() {
            if (action != 3) {
                throw new AssertionError("expected an error, got action " + action);
            }
            return StandardCharsets.UTF_8.decode(rest.duplicate()).toString();
        }
    }
}
