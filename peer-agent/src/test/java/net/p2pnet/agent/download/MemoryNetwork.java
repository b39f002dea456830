package net.p2pnet.agent.download;

import java.net.InetSocketAddress;
import java.util.BitSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.p2pnet.agent.storage.PieceLayout;

/**
 * A network whose peers live in the test's memory: the engine reaches them through {@link SourceLink}s
 * as it reaches real ones, with no socket. Each peer serves the content it was given, and may
 * corrupt every piece, hold one piece back until its link is closed, or wait for a gate.
 */
final class MemoryNetwork implements PeerNetwork {

    static final String NAME = "memory";

    private final Map<InetSocketAddress, Peer> peers = new ConcurrentHashMap<>();

    /** A peer holding {@code content}, at a made-up address. */
    Peer peer(int id, byte[] content) {
        Peer peer = new Peer(new InetSocketAddress("192.0.2." + id, 6881), content);
        peers.put(peer.address, peer);
        return peer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int listenPort() {
        return -1;
    }

    @Override
    public SourceLink connect(InetSocketAddress address, WantedContent wanted) throws SourceMismatchException {
        Peer peer = peers.get(address);
        if (peer.content.length != wanted.layout().size()) {
            throw new SourceMismatchException("it has " + peer.content.length + " bytes");
        }
        return peer.new Link(wanted.layout());
    }

    static final class Peer {
        final InetSocketAddress address;
        final byte[] content;
        /** Pieces asked for, with how often. */
        final Map<Integer, Integer> requested = new ConcurrentHashMap<>();
        final CountDownLatch closed = new CountDownLatch(1);
        volatile boolean corrupt;
        volatile int heldBack = -1;
        volatile CountDownLatch gate = new CountDownLatch(0);
        final Set<String> closeReasons = ConcurrentHashMap.newKeySet();

        Peer(InetSocketAddress address, byte[] content) {
            this.address = address;
            this.content = content;
        }

        SourceEndpoint endpoint() {
            return new SourceEndpoint(NAME, address);
        }

        final class Link implements SourceLink {
            private final PieceLayout layout;
            private volatile boolean open = true;

            Link(PieceLayout layout) {
                this.layout = layout;
            }

            @Override
            public BitSet has() {
                BitSet all = new BitSet();
                all.set(0, layout.pieceCount());
                return all;
            }

            @Override
            public boolean complete() {
                return true;
            }

            @Override
            public int parallelism() {
                return 2;
            }

            @Override
            public byte[] fetchPiece(int piece, int length, BlockSink sink) throws InterruptedException,
                    java.io.IOException {
                requested.merge(piece, 1, Integer::sum);
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new java.io.IOException("gate never opened");
                }
                if (piece == heldBack) {
                    closed.await(30, TimeUnit.SECONDS); // answers only when the engine gives up on it
                    throw new java.io.IOException("closed");
                }
                sink.received(length);
                byte[] data = new byte[length];
                System.arraycopy(content, (int) layout.pieceOffset(piece), data, 0, length);
                if (corrupt) {
                    data[0] ^= 1;
                }
                return data;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close(String reason) {
                open = false;
                closeReasons.add(reason);
                closed.countDown();
            }
        }
    }
}
