package net.p2pnet.agent.transfer;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** One request on the transfer port, with the few response shapes the protocol uses. */
final class TransferExchange {

    private final HttpExchange exchange;
    private final JsonMapper json;

    TransferExchange(HttpExchange exchange, JsonMapper json) {
        this.exchange = exchange;
        this.json = json;
    }

    String path() {
        return exchange.getRequestURI().getRawPath();
    }

    List<String> pathSegments() {
        return Arrays.stream(path().split("/")).filter(s -> !s.isEmpty()).toList();
    }

    boolean isGetOrHead() {
        return isHead() || exchange.getRequestMethod().equals("GET");
    }

    boolean isHead() {
        return exchange.getRequestMethod().equals("HEAD");
    }

    /** A query parameter's raw value (the first, when repeated). */
    Optional<String> query(String name) {
        String query = exchange.getRequestURI().getRawQuery();
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
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
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
                        ? Optional.of(new InetSocketAddress(exchange.getRemoteAddress().getAddress(), port))
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    void setHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    void json(int status, Object body) throws IOException {
        bytes(status, "application/json", json.writeValueAsBytes(body));
    }

    void bytes(int status, String contentType, byte[] body) throws IOException {
        setHeader("Content-Type", contentType);
        if (isHead()) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** An RFC 9457 problem detail. */
    void problem(int status, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", path());
        bytes(status, "application/problem+json", json.writeValueAsBytes(body));
    }

    /** Starts a body of {@code length} bytes; null for HEAD requests (headers only). */
    OutputStream begin(int status, String contentType, long length) throws IOException {
        setHeader("Content-Type", contentType);
        if (isHead()) {
            setHeader("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(status, -1);
            return null;
        }
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        return exchange.getResponseBody();
    }
}
