package net.p2pnet.agent.transfer;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client connection to the transfer port: requests are read and answered one after the other
 * (pipelined requests wait their turn) until the client closes, asks to close, goes quiet for the
 * idle timeout, takes longer than the head timeout to send a request head (from its first byte),
 * leaves a block of an answer unread for the write timeout, or sends something we cannot read.
 */
final class TransferConnection implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TransferConnection.class);

    private static final int LINGER_MILLIS = 2_000;
    private static final long LINGER_BYTES = 1 << 20;

    private final SocketChannel channel;
    private final TransferHandler handler;
    private final JsonMapper json;
    private final TransferLimits limits;
    private final ConnectionDeadline deadline;

    TransferConnection(SocketChannel channel, TransferHandler handler, JsonMapper json, TransferLimits limits,
                       ConnectionDeadline deadline) {
        this.channel = channel;
        this.handler = handler;
        this.json = json;
        this.limits = limits;
        this.deadline = deadline;
    }

    @Override
    public void run() {
        try (channel) {
            // small heads are followed by sendfile'd bodies: no waiting for ACKs of a short last segment
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().setSoTimeout((int) limits.idleTimeout().toMillis());
            InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
            InputStream in = new BufferedInputStream(channel.socket().getInputStream(), 4096);
            AtomicReference<String> member = new AtomicReference<>();
            while (true) {
                RequestHead head;
                try {
                    awaitRequest(in);
                    deadline.arm(limits.headTimeout(), "request head");
                    head = RequestHead.read(in);
                    deadline.disarm();
                } catch (RequestHead.BadRequestException e) {
                    log.debug("bad request from {}: {}", remote, e.getMessage());
                    deadline.arm(limits.writeTimeout(), "refusal");
                    TransferExchange.reject(channel, json, e);
                    deadline.disarm();
                    lingeringClose(in);
                    return;
                }
                TransferExchange exchange = new TransferExchange(head, channel, remote, json, member, deadline,
                        limits.writeTimeout());
                boolean complete = handler.handle(exchange);
                if (!complete || !exchange.keepAlive()) {
                    if (complete) {
                        lingeringClose(in);
                    }
                    return;
                }
            }
        } catch (EOFException | SocketTimeoutException e) {
            // the client closed or went quiet between requests: nothing to answer
        } catch (AsynchronousCloseException e) {
            log.debug("transfer connection closed: it missed its deadline ({})", deadline.what());
        } catch (IOException e) {
            log.debug("transfer connection ended: {}", e.getMessage());
        }
    }

    /** Waits (up to the idle timeout) for the first byte of the next request, and leaves it unread. */
    private static void awaitRequest(InputStream in) throws IOException {
        in.mark(1);
        if (in.read() < 0) {
            throw new EOFException("connection closed between requests");
        }
        in.reset();
    }

    /**
     * Ends our side, then reads what the client still sends (the rest of a refused request, a body
     * we never take) for a moment before closing: closing a socket with unread input sends a reset,
     * which can destroy the answer before the client has read it (RFC 9112 section 9.6).
     */
    private void lingeringClose(InputStream in) throws IOException {
        channel.shutdownOutput();
        channel.socket().setSoTimeout(LINGER_MILLIS);
        byte[] discard = new byte[8192];
        long drained = 0;
        while (drained < LINGER_BYTES) {
            int read = in.read(discard);
            if (read < 0) {
                return;
            }
            drained += read;
        }
    }
}
