package net.p2pnet.tracker.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BEP 15 UDP tracker socket: one thread receives, answers and sends. One thread is plenty (an
 * announce is a few microseconds of in-memory work) and keeps {@link UdpRequestHandler} lock-free.
 */
public final class UdpTracker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UdpTracker.class);

    private final DatagramChannel channel;
    private final UdpRequestHandler handler;
    private final Thread thread;

    UdpTracker(UdpRequestHandler handler, InetSocketAddress address) throws IOException {
        this.handler = handler;
        this.channel = DatagramChannel.open().bind(address);
        this.thread = Thread.ofPlatform().daemon().name("udp-tracker").start(this::serve);
        log.info("UDP tracker (BEP 15) listening on port {}", localPort());
    }

    public int localPort() {
        return ((InetSocketAddress) channelAddress()).getPort();
    }

    private SocketAddress channelAddress() {
        try {
            return channel.getLocalAddress();
        } catch (IOException closed) {
            throw new IllegalStateException("UDP tracker socket is closed", closed);
        }
    }

    private void serve() {
        ByteBuffer in = ByteBuffer.allocate(2048);
        ByteBuffer out = ByteBuffer.allocate(8192);
        while (channel.isOpen()) {
            try {
                in.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(in);
                in.flip();
                if (handler.handle(in, from, out)) {
                    channel.send(out, from);
                }
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                // One bad packet or send failure must not stop the tracker.
                log.warn("UDP tracker packet failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
