package net.p2pnet.agent.transfer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request on the transfer port, with the few response shapes the protocol uses. A response is
 * a head and then either a small body given whole or a body the caller writes to {@link #body()}
 * (content bytes, sent with {@code sendfile} where the file system allows).
 */
final class TransferExchange {

    private final RequestHead request;
    private final SocketChannel channel;
    private final InetSocketAddress remote;
    private final JsonMapper json;
    private final AtomicReference<String> member;
    private final ConnectionDeadline deadline;
    private final Duration writeTimeout;
    private final Map<String, String> responseFields = new LinkedHashMap<>();
    private boolean started;

    /** @param member the peer id the connection proved to be (a private network), shared by its requests */
    TransferExchange(RequestHead request, SocketChannel channel, InetSocketAddress remote, JsonMapper json,
                     AtomicReference<String> member, ConnectionDeadline deadline, Duration writeTimeout) {
        this.request = request;
        this.channel = channel;
        this.remote = remote;
        this.json = json;
        this.member = member;
        this.deadline = deadline;
        this.writeTimeout = writeTimeout;
    }

    /** The member this request's connection proved to be; empty until it did. */
    Optional<String> member() {
        return Optional.ofNullable(member.get());
    }

    /** From now on, every request of this connection is {@code peerId}'s. */
    void authenticate(String peerId) {
        member.set(peerId);
    }

    String method() {
        return request.method();
    }

    String rawQuery() {
        return request.rawQuery();
    }

    /** A write to the client: a block of a body, or a head. */
    @FunctionalInterface
    interface Write {
        void run() throws IOException;
    }

    /**
     * Runs {@code write} under the write timeout: a client that does not take it in time loses the
     * connection (a blocking socket write has no timeout of its own).
     */
    void timed(Write write) throws IOException {
        deadline.arm(writeTimeout, "write to " + remote);
        try {
            write.run();
        } finally {
            deadline.disarm();
        }
    }

    String path() {
        return request.rawPath();
    }

    List<String> pathSegments() {
        return Arrays.stream(path().split("/")).filter(s -> !s.isEmpty()).toList();
    }

    boolean isGetOrHead() {
        return isHead() || request.method().equals("GET");
    }

    boolean isHead() {
        return request.method().equals("HEAD");
    }

    /** A query parameter's raw value (the first, when repeated). */
    Optional<String> query(String name) {
        String query = request.rawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return Optional.of(pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    Optional<String> header(String name) {
        return request.field(name);
    }

    Optional<String> bearerToken() {
        return header("Authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim()).filter(t -> !t.isEmpty());
    }

    /** The sender's own transfer port, when it said ({@link TransferHandler#PORT_HEADER}). */
    Optional<InetSocketAddress> senderTransferAddress() {
        return header(TransferHandler.PORT_HEADER).flatMap(value -> {
            try {
                int port = Integer.parseInt(value.trim());
                return port > 0 && port <= 65535
                        ? Optional.of(new InetSocketAddress(remote.getAddress(), port))
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    void setHeader(String name, String value) {
        responseFields.put(name, value);
    }

    /** Whether a response has been started: after that, only the body may follow. */
    boolean started() {
        return started;
    }

    /** Whether the connection may carry another request once this response is complete. */
    boolean keepAlive() {
        return request.keepAlive() && !request.hasBody();
    }

    void json(int status, Object body) throws IOException {
        bytes(status, "application/json", json.writeValueAsBytes(body));
    }

    /** A whole small body (HEAD: its length only), written with the head in one go. */
    void bytes(int status, String contentType, byte[] body) throws IOException {
        setHeader("Content-Type", contentType);
        byte[] head = head(status, body.length);
        ByteBuffer out = ByteBuffer.allocate(head.length + (isHead() ? 0 : body.length)).put(head);
        if (!isHead()) {
            out.put(body);
        }
        writeFully(out.flip());
    }

    /** An RFC 9457 problem detail. */
    void problem(int status, String title, String detail) throws IOException {
        bytes(status, "application/problem+json", problemBody(json, status, title, detail, path()));
    }

    /**
     * Starts a body of {@code length} bytes, to be written to {@link #body()}.
     *
     * @return false for HEAD requests (the head is sent; no body follows)
     */
    boolean begin(int status, String contentType, long length) throws IOException {
        setHeader("Content-Type", contentType);
        writeFully(ByteBuffer.wrap(head(status, length)));
        return !isHead();
    }

    /** Where the body started by {@link #begin} goes: exactly the announced length must be written. */
    WritableByteChannel body() {
        return channel;
    }

    private byte[] head(int status, long contentLength) {
        if (started) {
            throw new IllegalStateException("a response was already started for " + path());
        }
        started = true;
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ')
                .append(reason(status)).append("\r\n");
        responseFields.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(contentLength).append("\r\n");
        if (!keepAlive()) {
            head.append("Connection: close\r\n");
        } else if (request.minorVersion() == 0) {
            head.append("Connection: keep-alive\r\n"); // an HTTP/1.0 client keeps the connection only when told
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        timed(() -> {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /** Answers a request that could not be read, and says the connection ends. */
    static void reject(SocketChannel channel, JsonMapper json, RequestHead.BadRequestException e) throws IOException {
        byte[] body = problemBody(json, e.status(), e.title(), e.getMessage(), null);
        String head = "HTTP/1.1 " + e.status() + " " + reason(e.status()) + "\r\nContent-Type: application/problem+json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        ByteBuffer out = ByteBuffer.allocate(head.length() + body.length)
                .put(head.getBytes(StandardCharsets.ISO_8859_1)).put(body).flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    private static byte[] problemBody(JsonMapper json, int status, String title, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        return json.writeValueAsBytes(body);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 206 -> "Partial Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 414 -> "URI Too Long";
            case 416 -> "Range Not Satisfiable";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }
}
