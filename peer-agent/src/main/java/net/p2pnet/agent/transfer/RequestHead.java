package net.p2pnet.agent.transfer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.p2pnet.model.text.Excerpt;

/**
 * The request line and header fields of one HTTP/1.x request on the transfer port (RFC 9112),
 * read with hard limits: the port faces the network, so a request that is too long, malformed or
 * of another protocol gets a clear status and costs nothing more.
 *
 * @param method   request method, as sent (case-sensitive)
 * @param rawPath  the target's path, still percent-encoded
 * @param rawQuery the target's query, still percent-encoded, or null
 * @param minorVersion 1 for HTTP/1.1, 0 for HTTP/1.0
 * @param fields   header fields by lower-case name, values in the order received
 */
record RequestHead(String method, String rawPath, String rawQuery, int minorVersion, Map<String, List<String>> fields) {

    static final int MAX_REQUEST_LINE = 8 * 1024;
    static final int MAX_HEAD_BYTES = 16 * 1024;
    static final int MAX_FIELDS = 100;

    /** A request that cannot be served, with the status that says why (400, 414, 431, 505). */
    static final class BadRequestException extends IOException {
        private final int status;
        private final String title;

        BadRequestException(int status, String title, String detail) {
            super(detail);
            this.status = status;
            this.title = title;
        }

        int status() {
            return status;
        }

        String title() {
            return title;
        }
    }

    /** The first value of a field (name in any case). */
    Optional<String> field(String name) {
        List<String> values = fields.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether the client lets the connection stay open after this exchange (RFC 9112 section 9.3). */
    boolean keepAlive() {
        String connection = String.join(",", fields.getOrDefault("connection", List.of())).toLowerCase(Locale.ROOT);
        if (minorVersion == 0) {
            return connection.contains("keep-alive");
        }
        return !connection.contains("close");
    }

    /** Whether a body follows the head: we never read one, so the connection cannot be reused. */
    boolean hasBody() {
        return fields.containsKey("transfer-encoding")
                || field("content-length").map(v -> !v.trim().equals("0")).orElse(false);
    }

    /**
     * Reads the next request head. Empty lines before the request line are skipped (RFC 9112
     * section 2.2).
     *
     * @throws EOFException when the connection ends before a request starts (a normal close)
     * @throws BadRequestException when the head is malformed or too large
     */
    static RequestHead read(InputStream in) throws IOException {
        int[] budget = {MAX_HEAD_BYTES};
        String requestLine;
        do {
            requestLine = line(in, MAX_REQUEST_LINE, budget, true);
        } while (requestLine.isEmpty());
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !isToken(parts[0])) {
            throw new BadRequestException(400, "Bad request line", "expected 'METHOD target HTTP/1.1', got '"
                    + printable(requestLine) + "'");
        }
        int minor = switch (parts[2]) {
            case "HTTP/1.1" -> 1;
            case "HTTP/1.0" -> 0;
            default -> throw new BadRequestException(parts[2].startsWith("HTTP/") ? 505 : 400,
                    "HTTP version not supported", "this port speaks HTTP/1.0 and HTTP/1.1, not '"
                    + printable(parts[2]) + "'");
        };
        URI target = target(parts[1]);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int count = 0;
        for (String field = line(in, MAX_HEAD_BYTES, budget, false); !field.isEmpty();
                field = line(in, MAX_HEAD_BYTES, budget, false)) {
            if (++count > MAX_FIELDS) {
                throw new BadRequestException(431, "Too many header fields", "at most " + MAX_FIELDS
                        + " header fields are accepted");
            }
            int colon = field.indexOf(':');
            if (colon <= 0 || !isToken(field.substring(0, colon))) {
                throw new BadRequestException(400, "Bad header field", "malformed header field '"
                        + printable(field) + "'");
            }
            fields.computeIfAbsent(field.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                    .add(field.substring(colon + 1).strip());
        }
        if (minor == 1 && !fields.containsKey("host")) {
            throw new BadRequestException(400, "Host header missing", "an HTTP/1.1 request must carry Host");
        }
        return new RequestHead(parts[0], target.getRawPath(), target.getRawQuery(), minor, fields);
    }

    /** Origin form ({@code /path?query}) or absolute form ({@code http://host/path}). */
    private static URI target(String text) throws BadRequestException {
        try {
            URI uri = new URI(text);
            boolean origin = !uri.isAbsolute() && text.startsWith("/");
            boolean absolute = uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme())) && uri.getRawPath() != null;
            if (origin || absolute) {
                return uri.getRawPath().isEmpty() ? new URI(null, null, "/", uri.getRawQuery(), null) : uri;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new BadRequestException(400, "Bad request target", "cannot serve request target '" + printable(text) + "'");
    }

    /**
     * One line without its CRLF (a bare LF is accepted, RFC 9112 section 2.2), in ISO-8859-1.
     * {@code budget[0]} is what is left of the whole head's allowance.
     */
    private static String line(InputStream in, int max, int[] budget, boolean requestLine) throws IOException {
        StringBuilder line = new StringBuilder(requestLine ? 128 : 64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (requestLine && line.isEmpty()) {
                    throw new EOFException("connection closed between requests");
                }
                throw new BadRequestException(400, "Incomplete request", "the connection ended inside a request head");
            }
            if (--budget[0] < 0) {
                throw new BadRequestException(431, "Request head too large", "a request head may have at most "
                        + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= max) {
                throw requestLine
                        ? new BadRequestException(414, "Request line too long", "a request line may have at most "
                                + MAX_REQUEST_LINE + " bytes")
                        : new BadRequestException(431, "Header field too large", "a header field may have at most "
                                + max + " bytes");
            }
            line.append((char) b);
        }
    }

    private static boolean isToken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** For error messages: the start of the text, control bytes shown as '?'. */
    private static String printable(String text) {
        return Excerpt.printable(text);
    }
}
