package net.p2pnet.agent.transfer;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client connection to the transfer port: requests are read and answered one after the other
 * (pipelined requests wait their turn) until the client closes, asks to close, goes quiet for
 * {@code idleMillis}, or sends something we cannot read.
 */
final class TransferConnection implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TransferConnection.class);

    private final SocketChannel channel;
    private final TransferHandler handler;
    private final JsonMapper json;
    private final int idleMillis;

    TransferConnection(SocketChannel channel, TransferHandler handler, JsonMapper json, int idleMillis) {
        this.channel = channel;
        this.handler = handler;
        this.json = json;
        this.idleMillis = idleMillis;
    }

    @Override
    public void run() {
        try (channel) {
            // small heads are followed by sendfile'd bodies: no waiting for ACKs of a short last segment
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().setSoTimeout(idleMillis);
            InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
            InputStream in = new BufferedInputStream(channel.socket().getInputStream(), 4096);
            while (true) {
                RequestHead head;
                try {
                    head = RequestHead.read(in);
                } catch (RequestHead.BadRequestException e) {
                    log.debug("bad request from {}: {}", remote, e.getMessage());
                    TransferExchange.reject(channel, json, e);
                    return;
                }
                TransferExchange exchange = new TransferExchange(head, channel, remote, json);
                if (!handler.handle(exchange) || !exchange.keepAlive()) {
                    return;
                }
            }
        } catch (EOFException | SocketTimeoutException e) {
            // the client closed or went quiet between requests: nothing to answer
        } catch (IOException e) {
            log.debug("transfer connection ended: {}", e.getMessage());
        }
    }
}
