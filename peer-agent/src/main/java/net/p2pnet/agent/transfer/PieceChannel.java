package net.p2pnet.agent.transfer;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import net.p2pnet.model.text.Excerpt;

/**
 * One keep-alive HTTP/1.1 connection to another agent's transfer port, for piece runs. Why not
 * {@link java.net.HttpURLConnection} here: it reads the socket into heap arrays through a
 * temporary native buffer, so every byte was copied twice more before reaching the part file; this
 * reads an answer's body straight into the worker's direct buffer, which the part file then writes
 * with direct I/O. It speaks only what our own transfer server answers (a head, then exactly
 * Content-Length bytes); other answers are errors.
 */
final class PieceChannel implements AutoCloseable {

    private static final int MAX_HEAD = 16 * 1024;
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final InetSocketAddress address;
    private final SocketChannel channel;
    private final ByteBuffer inbound = ByteBuffer.allocateDirect(MAX_HEAD);
    private volatile long lastProgress = System.nanoTime();
    /** While the reader itself waits (rate limits), the agent's silence is not the agent's fault. */
    private volatile boolean readerBusy;
    private long idleSince = System.nanoTime();
    private boolean reusable = true;
    private boolean member;

    private PieceChannel(InetSocketAddress address, SocketChannel channel) {
        this.address = address;
        this.channel = channel;
    }

    static PieceChannel open(InetSocketAddress address, int connectTimeoutMillis) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(address, connectTimeoutMillis);
            return new PieceChannel(address, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    InetSocketAddress address() {
        return address;
    }

    /** What an answer said before its body. */
    record Answer(int status, long contentLength, Map<String, String> fields) {
        String field(String name) {
            return fields.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends a GET and reads the answer's head; the body is then read with {@link #readBody}. */
    Answer get(String path, Map<String, String> headers) throws IOException {
        StringBuilder request = new StringBuilder(256).append("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(address.getHostString()).append(':').append(address.getPort()).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        ByteBuffer out = ByteBuffer.wrap(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        while (out.hasRemaining()) {
            channel.write(out);
        }
        inbound.clear();
        int headEnd;
        while ((headEnd = headEnd(inbound)) < 0) {
            if (!inbound.hasRemaining()) {
                throw new IOException(address + " sent an answer head of more than " + MAX_HEAD + " bytes");
            }
            if (channel.read(inbound) < 0) {
                throw new EOFException(address + " closed the connection before answering");
            }
            lastProgress = System.nanoTime();
        }
        Answer answer = parse(inbound, headEnd);
        inbound.limit(inbound.position()).position(headEnd); // what follows the head: body bytes
        if ("close".equalsIgnoreCase(answer.field("connection"))) {
            reusable = false;
        }
        return answer;
    }

    /** Reads the next {@code into.remaining()} body bytes into {@code into}, telling {@code progress} of each read. */
    void readBody(ByteBuffer into, ReadListener progress) throws IOException, InterruptedException {
        while (into.hasRemaining()) {
            int read;
            if (inbound.hasRemaining()) {
                int take = Math.min(inbound.remaining(), into.remaining());
                into.put(into.position(), inbound, inbound.position(), take).position(into.position() + take);
                inbound.position(inbound.position() + take);
                read = take;
            } else {
                read = channel.read(into);
                if (read < 0) {
                    reusable = false;
                    throw new EOFException(address + " ended its answer early");
                }
            }
            readerBusy = true;
            try {
                progress.read(read);
            } finally {
                lastProgress = System.nanoTime();
                readerBusy = false;
            }
        }
    }

    /** A small error body (problem details), as text; longer ones are cut. */
    String readErrorBody(long length) throws IOException, InterruptedException {
        if (length <= 0 || length > MAX_ERROR_BODY) {
            reusable = false;
            return "";
        }
        ByteBuffer body = ByteBuffer.allocate((int) length);
        readBody(body, bytes -> { });
        return new String(body.array(), StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    interface ReadListener {
        void read(int bytes) throws InterruptedException;
    }

    /** Whether the connection can carry another request (the answer was read whole and not closed). */
    boolean reusable() {
        return reusable && channel.isOpen() && !inbound.hasRemaining();
    }

    /** Whether the agent served us on this connection: a private network's proof is needed once per connection. */
    boolean member() {
        return member;
    }

    void markMember() {
        member = true;
    }

    void markIdle() {
        idleSince = System.nanoTime();
    }

    long idleNanos() {
        return System.nanoTime() - idleSince;
    }

    /** How long the agent has sent nothing we were waiting for (0 while the reader is busy elsewhere). */
    long nanosSinceProgress() {
        return readerBusy ? 0 : System.nanoTime() - lastProgress;
    }

    void startedRequest() {
        lastProgress = System.nanoTime();
    }

    @Override
    public void close() {
        reusable = false;
        try {
            channel.close();
        } catch (IOException e) {
            // a connection we give up: nothing to save
        }
    }

    private static int headEnd(ByteBuffer buffer) {
        for (int i = 3; i < buffer.position(); i++) {
            if (buffer.get(i) == '\n' && buffer.get(i - 1) == '\r' && buffer.get(i - 2) == '\n' && buffer.get(i - 3) == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private Answer parse(ByteBuffer buffer, int headEnd) throws IOException {
        byte[] head = new byte[headEnd];
        buffer.get(0, head);
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new IOException(address + " does not answer in HTTP/1.x: '" + Excerpt.printable(lines[0]) + "'");
        }
        Map<String, String> fields = new java.util.HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                fields.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        if (fields.containsKey("transfer-encoding")) {
            throw new IOException(address + " sent a chunked answer: not a p2pnet agent's transfer port");
        }
        try {
            long length = fields.containsKey("content-length") ? Long.parseLong(fields.get("content-length")) : -1;
            return new Answer(Integer.parseInt(status[1]), length, fields);
        } catch (NumberFormatException e) {
            throw new IOException(address + " sent a malformed answer head: '" + Excerpt.printable(lines[0]) + "'", e);
        }
    }
}
