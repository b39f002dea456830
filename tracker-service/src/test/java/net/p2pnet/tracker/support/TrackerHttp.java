package net.p2pnet.tracker.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.Bencode;

/** Talks to a running tracker over real HTTP and decodes its bencoded answers. */
public final class TrackerHttp {

    private final HttpClient http;
    private final String host;
    private final int port;

    public TrackerHttp(String host, int port) {
        this(host, port, HttpClient.newHttpClient());
    }

    private TrackerHttp(String host, int port, HttpClient http) {
        this.host = host;
        this.port = port;
        this.http = http;
    }

    /** A client on its own loopback address (any of 127.0.0.0/8), so tests can play several machines. */
    public static TrackerHttp from(String loopbackAddress, int port) {
        try {
            return new TrackerHttp("127.0.0.1", port,
                    HttpClient.newBuilder().localAddress(java.net.InetAddress.getByName(loopbackAddress)).build());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static TrackerHttp loopback(int port) {
        return new TrackerHttp("127.0.0.1", port);
    }

    public BDictionary announce(Announce announce) {
        return get("/announce?" + announce.query());
    }

    /** @param headers name, value, name, value... */
    public BDictionary get(String pathAndQuery, String... headers) {
        HttpResponse<byte[]> response = send(pathAndQuery, headers);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + " for " + pathAndQuery);
        }
        return Bencode.decodeDictionary(response.body());
    }

    public HttpResponse<byte[]> send(String pathAndQuery, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + pathAndQuery));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request line as given, byte for byte (no URI validation), and returns the whole raw
     * answer; for hostile input that {@link HttpClient} would refuse to send.
     */
    public String raw(byte[] requestTarget) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET ".getBytes(StandardCharsets.US_ASCII));
            out.write(requestTarget);
            out.write((" HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Sends a raw request line and decodes the bencoded body of the (expected 200) answer. */
    public BDictionary rawAnswer(String requestTarget) throws IOException {
        String answer = raw(requestTarget.getBytes(StandardCharsets.ISO_8859_1));
        if (!answer.startsWith("HTTP/1.1 200")) {
            throw new AssertionError("expected HTTP 200, got " + answer.lines().findFirst().orElse(answer));
        }
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        return Bencode.decodeDictionary(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    public String failureReason(Announce announce) {
        return failureReason(get("/announce?" + announce.query()));
    }

    public static String failureReason(BDictionary answer) {
        return answer.optionalText("failure reason")
                .orElseThrow(() -> new AssertionError("expected a failure reason, got " + answer));
    }
}
