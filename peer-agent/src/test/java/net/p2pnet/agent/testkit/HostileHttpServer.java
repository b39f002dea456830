package net.p2pnet.agent.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP server on loopback that answers every request in one hostile way: an endless body under a
 * 4 GB Content-Length, an endless chunked body, a huge declared length with nothing after it, or a
 * redirect to a place the client must not go (tests point it at a canary on loopback: no test sends
 * traffic beyond this machine, so "169.254.169.254" is only checked as an address). It counts what it managed to send on each connection before the
 * client gave up, so a test can show the client stopped reading at its cap.
 */
public final class HostileHttpServer implements AutoCloseable {

    /** How the server answers. */
    public enum Mode { ENDLESS_BODY, ENDLESS_CHUNKED, HUGE_DECLARED_LENGTH, REDIRECT }

    /** One answered request: its request line and what was sent until the client closed. */
    public record Exchange(String requestLine, long bytesSent, boolean closedByClient) {
    }

    /** Stops an endless answer even if the client never gives up, so a failing test still ends. */
    private static final long GIVE_UP_BYTES = 1L << 30;

    private final ServerSocket server;
    private final Mode mode;
    private final String location;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    public HostileHttpServer(Mode mode) throws IOException {
        this(mode, null);
    }

    /** A server that redirects every request to {@code location}. */
    public HostileHttpServer(Mode mode, String location) throws IOException {
        this.mode = mode;
        this.location = location;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    public String address() {
        return "127.0.0.1:" + port();
    }

    /** The exchanges ended so far. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> answer(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        String requestLine = "";
        long sent = 0;
        boolean closedByClient = false;
        try (socket) {
            socket.setSoTimeout(60_000);
            requestLine = readHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] zeros = new byte[64 * 1024];
            switch (mode) {
                case ENDLESS_BODY -> {
                    out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4294967296\r\n\r\n"));
                    while (sent < GIVE_UP_BYTES) {
                        out.write(zeros);
                        sent += zeros.length;
                    }
                }
                case ENDLESS_CHUNKED -> {
                    out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
                    byte[] chunk = ascii(Integer.toHexString(zeros.length) + "\r\n");
                    while (sent < GIVE_UP_BYTES) {
                        out.write(chunk);
                        out.write(zeros);
                        out.write(ascii("\r\n"));
                        sent += zeros.length;
                    }
                }
                case HUGE_DECLARED_LENGTH -> {
                    out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/x-bittorrent\r\n"
                            + "Content-Length: 4294967296\r\n\r\n"));
                    out.flush();
                    // nothing follows: a client that trusts the length waits or allocates
                    closedByClient = socket.getInputStream().read() < 0;
                }
                case REDIRECT -> out.write(ascii("HTTP/1.1 302 Found\r\nLocation: " + location
                        + "\r\nContent-Length: 0\r\n\r\n"));
            }
            out.flush();
            if (mode == Mode.REDIRECT) {
                socket.shutdownOutput();
                closedByClient = socket.getInputStream().read() < 0;
            }
        } catch (IOException e) {
            closedByClient = true; // reset or broken pipe: the client stopped reading and closed
        }
        exchanges.add(new Exchange(requestLine, sent, closedByClient));
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && head.length() < 16 * 1024) {
            head.append((char) b);
            if (head.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        int end = head.indexOf("\r\n");
        return end < 0 ? head.toString() : head.substring(0, end);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Waits until at least {@code count} exchanges have ended (the client gave up), at most 60 s. */
    public List<Exchange> awaitExchanges(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (exchanges.size() < count && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        return exchanges();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
