package net.p2pnet.agent.bittorrent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile BitTorrent peer for tests, written here on purpose (no client can be told to lie): it
 * claims every piece, unchokes at once and answers every request with random bytes.
 */
final class CorruptSeed implements AutoCloseable {

    private final ServerSocket server;
    private final byte[] infoHash;
    private final int pieceCount;
    private final AtomicInteger blocksSent = new AtomicInteger();

    CorruptSeed(byte[] infoHash, int pieceCount) throws IOException {
        this.server = new ServerSocket(0);
        this.infoHash = infoHash.clone();
        this.pieceCount = pieceCount;
        Thread.ofVirtual().name("corrupt-seed").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    int blocksSent() {
        return blocksSent.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        Random random = new Random();
        try (socket; DataInputStream in = new DataInputStream(socket.getInputStream());
             DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            byte[] handshake = new byte[68];
            in.readFully(handshake);
            out.writeByte(19);
            out.write("BitTorrent protocol".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[8]);
            out.write(infoHash);
            out.write("-XX0001-corruptcorru".getBytes(StandardCharsets.US_ASCII));
            byte[] bitfield = new byte[(pieceCount + 7) / 8];
            for (int i = 0; i < pieceCount; i++) {
                bitfield[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
            out.writeInt(1 + bitfield.length);
            out.writeByte(5);
            out.write(bitfield);
            out.writeInt(1);
            out.writeByte(1); // unchoke
            out.flush();
            while (true) {
                int length = in.readInt();
                if (length == 0) {
                    continue;
                }
                int id = in.readUnsignedByte();
                if (id == 6 && length == 13) {
                    int index = in.readInt();
                    int begin = in.readInt();
                    int blockLength = in.readInt();
                    byte[] garbage = new byte[blockLength];
                    random.nextBytes(garbage);
                    out.writeInt(9 + blockLength);
                    out.writeByte(7);
                    out.writeInt(index);
                    out.writeInt(begin);
                    out.write(garbage);
                    out.flush();
                    blocksSent.incrementAndGet();
                } else {
                    in.skipNBytes(length - 1);
                }
            }
        } catch (IOException e) {
            // the downloader hung up (it banned us): that is the point
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
