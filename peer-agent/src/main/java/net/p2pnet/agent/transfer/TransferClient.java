package net.p2pnet.agent.transfer;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.p2pnet.agent.config.MirrorAddresses;
import net.p2pnet.agent.config.OptionalBean;
import net.p2pnet.agent.identity.PeerIdentity;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.model.net.BoundedBody;
import net.p2pnet.model.torrent.Metainfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The downloading side of the transfer protocol: asks other agents (and HTTP mirrors) for data. */
@Component
public class TransferClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SMALL_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration DATA_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration TORRENT_TIMEOUT = Duration.ofSeconds(60);
    private static final int BLOCK = 256 * 1024;
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json;
    private final PieceChannels channels = new PieceChannels(DATA_TIMEOUT);
    private final OptionalBean<PeerTicketProvider> tickets;
    private final OptionalBean<TransferServer> server;
    private final PeerIdentity identity;
    private final MemberChallenges challenges = new MemberChallenges();
    private final MirrorAddresses mirrors;

    public TransferClient(JsonMapper json, ObjectProvider<PeerTicketProvider> tickets,
                          ObjectProvider<TransferServer> server, PeerIdentity identity, MirrorAddresses mirrors) {
        this.json = json;
        this.mirrors = mirrors;
        this.tickets = new OptionalBean<>(tickets);
        this.server = new OptionalBean<>(server);
        this.identity = identity;
    }

    /** Closes kept connections and ends the read-timeout watch. */
    @PreDestroy
    public void close() {
        channels.close();
    }

    /** A source answered 503: come back after {@code retryAfterSeconds}. */
    public static final class BusyException extends IOException {
        private final int retryAfterSeconds;

        BusyException(int retryAfterSeconds) {
            super("source busy, retry after " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Receives a block of payload before it is taken (rate limits, counters); may block. */
    @FunctionalInterface
    public interface BlockSink {
        void received(int bytes) throws InterruptedException;
    }

    public FileInfo info(InetSocketAddress source, String infoHash) throws IOException, InterruptedException {
        return json.readValue(get(source, "/p2p/v1/files/" + infoHash, BoundedBody.JSON, SMALL_TIMEOUT),
                FileInfo.class);
    }

    public Optional<FileInfo> infoByEd2k(InetSocketAddress source, String ed2kHash) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(source, "/p2p/v1/ed2k/" + ed2kHash, BoundedBody.JSON, SMALL_TIMEOUT);
        return response.statusCode() == 404 ? Optional.empty()
                : Optional.of(json.readValue(body(response), FileInfo.class));
    }

    public byte[] torrent(InetSocketAddress source, String infoHash) throws IOException, InterruptedException {
        return get(source, "/p2p/v1/files/" + infoHash + "/torrent", Metainfo.MAX_TORRENT_BYTES, TORRENT_TIMEOUT);
    }

    /** Source exchange: the other agents {@code source} knows for this file ({@code host:port} strings). */
    public List<String> sources(InetSocketAddress source, String infoHash) throws IOException, InterruptedException {
        return json.readValue(get(source, "/p2p/v1/files/" + infoHash + "/sources", BoundedBody.JSON,
                SMALL_TIMEOUT), new TypeReference<List<String>>() { });
    }

    /** Receives the parts of an answer one by one, as they arrive; {@code data} (position to limit) is only valid during the call. */
    @FunctionalInterface
    public interface PartReceiver {
        void received(int part, ByteBuffer data) throws InterruptedException;
    }

    /**
     * Pieces {@code first .. first + sizes.length - 1} from an agent in one request, handed to
     * {@code receiver} one by one as each is complete (part 0 is {@code first}). {@code buffer} must
     * hold the largest piece; it is reused for each (read into straight from the socket).
     */
    public void pieces(InetSocketAddress source, String infoHash, int first, int[] sizes, ByteBuffer buffer,
                       BlockSink sink, PartReceiver receiver) throws IOException, InterruptedException {
        String path = "/p2p/v1/files/" + infoHash + "/pieces/" + first + (sizes.length > 1 ? "?count=" + sizes.length : "");
        for (int attempt = 0; ; attempt++) {
            PieceChannel pooled = channels.take(source);
            PieceChannel channel = pooled != null ? pooled : PieceChannel.open(source, (int) CONNECT_TIMEOUT.toMillis());
            channels.started(channel);
            try {
                PieceChannel.Answer answer;
                try {
                    answer = channel.get(path, headers(channel, source, path));
                    if (answer.status() == 401 && !channel.member()
                            && learnChallenge(source, answer.field("www-authenticate"))) {
                        // a private network's agent asks for proof once per connection: answer and ask again
                        String problem = channel.readErrorBody(answer.contentLength());
                        if (!channel.reusable()) {
                            throw new IOException(source + " refused us: " + problem);
                        }
                        answer = channel.get(path, headers(channel, source, path));
                    }
                } catch (IOException e) {
                    if (pooled != null && attempt == 0) {
                        channel.close();
                        continue; // the agent closed an idle connection we kept: once more on a fresh one
                    }
                    throw e; // closed below
                }
                receive(channel, answer, path, sizes, buffer, sink, receiver);
                return;
            } catch (IOException | RuntimeException | InterruptedException e) {
                channel.close();
                throw e;
            } finally {
                channels.finished(channel);
            }
        }
    }

    private void receive(PieceChannel channel, PieceChannel.Answer answer, String path, int[] sizes, ByteBuffer buffer,
                         BlockSink sink, PartReceiver receiver) throws IOException, InterruptedException {
        String where = "http://" + channel.address().getHostString() + ":" + channel.address().getPort() + path;
        if (answer.status() != 200) {
            String problem = channel.readErrorBody(answer.contentLength());
            if (answer.status() == 503) {
                throw new BusyException(seconds(answer.field("retry-after")));
            }
            throw new IOException(where + " answered HTTP " + answer.status() + " (expected 200)"
                    + (problem.isEmpty() ? "" : ": " + problem));
        }
        if (answer.contentLength() != total(sizes)) {
            throw new IOException(where + " sends " + answer.contentLength() + " bytes where " + total(sizes)
                    + " were asked");
        }
        channel.markMember(); // served: a member (or an open network) for the connection's lifetime
        for (int part = 0; part < sizes.length; part++) {
            buffer.clear().limit(sizes[part]);
            channel.readBody(buffer, sink::received);
            receiver.received(part, buffer.flip());
        }
        channels.release(channel);
    }

    /**
     * Consecutive parts of {@code sizes} bytes from {@code offset} of a file at an HTTP URL (mirror,
     * BEP 19 web seed), in one Range request, handed out as {@link #pieces} does.
     */
    public void ranges(URI url, long offset, int[] sizes, ByteBuffer buffer, BlockSink sink, PartReceiver receiver)
            throws IOException, InterruptedException {
        String range = "bytes=" + offset + "-" + (offset + total(sizes) - 1);
        fetchRange(url, range, sizes, buffer, sink, receiver);
    }

    private static long total(int[] sizes) {
        long sum = 0;
        for (int size : sizes) {
            sum += size;
        }
        return sum;
    }

    /**
     * Mirror requests use {@link HttpURLConnection} (any HTTP server, redirects): it reads the socket
     * in the calling (virtual) thread and keeps connections alive per destination, where
     * {@link HttpClient} funnels every byte through one selector thread - on two cores that thread
     * was the bottleneck (docs/benchmarks.md). Agents get {@link PieceChannel}s.
     */
    private void fetchRange(URI url, String range, int[] sizes, ByteBuffer buffer, BlockSink sink,
                            PartReceiver receiver) throws IOException, InterruptedException {
        URI uri = url;
        HttpURLConnection connection = openMirror(uri, range);
        int status = connection.getResponseCode();
        for (int hops = 0; isRedirect(status); hops++) {
            URI target = redirectTarget(connection, uri, hops);
            connection.disconnect();
            uri = target;
            connection = openMirror(uri, range);
            status = connection.getResponseCode();
        }
        if (status != 206) {
            drain(connection.getErrorStream());
            if (status == 503) {
                throw new BusyException(seconds(connection.getHeaderField("Retry-After")));
            }
            throw new IOException(uri + " answered HTTP " + status + " (expected 206)");
        }
        long declared = connection.getContentLengthLong();
        try (InputStream in = connection.getInputStream()) {
            if (declared != total(sizes)) {
                throw new IOException(uri + " sends " + declared + " bytes where " + total(sizes) + " were asked");
            }
            byte[] block = new byte[BLOCK];
            for (int part = 0; part < sizes.length; part++) {
                buffer.clear();
                readPart(in, uri, block, buffer, sizes[part], sink);
                receiver.received(part, buffer.flip());
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            connection.disconnect(); // a half-read answer cannot be reused
            throw e;
        }
    }

    /** Checked before every connection: the first URL came from a link or torrent, later ones from redirects. */
    private HttpURLConnection openMirror(URI uri, String range) throws IOException {
        Optional<String> refused = mirrors.refusal(uri);
        if (refused.isPresent()) {
            throw new IOException(refused.get());
        }
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) DATA_TIMEOUT.toMillis());
        connection.setInstanceFollowRedirects(false); // followed by hand, each target checked
        connection.setRequestProperty("Range", range); // never our ticket or port: a mirror is not an agent
        return connection;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI redirectTarget(HttpURLConnection connection, URI from, int hops) throws IOException {
        String location = connection.getHeaderField("Location");
        if (hops >= MAX_REDIRECTS || location == null) {
            throw new IOException(from + " redirects " + (location == null ? "nowhere" : "too often"));
        }
        try {
            return from.resolve(location);
        } catch (IllegalArgumentException e) {
            throw new IOException(from + " redirects to an invalid URL", e);
        }
    }

    private static void readPart(InputStream in, URI uri, byte[] block, ByteBuffer into, int size, BlockSink sink)
            throws IOException, InterruptedException {
        int done = 0;
        while (done < size) {
            int read = in.read(block, 0, Math.min(block.length, size - done));
            if (read < 0) {
                throw new IOException(uri + " ended after " + done + " of " + size + " bytes of a part");
            }
            sink.received(read);
            into.put(block, 0, read);
            done += read;
        }
    }

    private static void drain(InputStream error) {
        if (error != null) {
            try (error) {
                error.readNBytes(64 * 1024);
            } catch (IOException e) {
                // only draining so the connection can be reused
            }
        }
    }

    private void checkStatus(HttpResponse<?> response, int expected, URI uri) throws IOException {
        int status = response.statusCode();
        if (status == 503) {
            int retry = response.headers().firstValue("Retry-After").map(TransferClient::seconds).orElse(2);
            throw new BusyException(retry);
        }
        if (status != expected) {
            throw new IOException(uri + " answered HTTP " + status + " (expected " + expected + ")");
        }
    }

    private static int seconds(String value) {
        if (value == null) {
            return 2;
        }
        try {
            return Math.max(1, Math.min(60, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    private byte[] get(InetSocketAddress source, String path, int max, Duration timeout)
            throws IOException, InterruptedException {
        return body(send(source, path, max, timeout));
    }

    /**
     * A small request to an agent, within {@code timeout} for the whole answer, of at most {@code max}
     * bytes (an error answer is as small as any JSON); a private network's challenge is answered once.
     */
    private HttpResponse<byte[]> send(InetSocketAddress source, String path, int max, Duration timeout)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = BoundedBody.send(http, request(source, path, timeout).build(),
                BoundedBody.bytes(max), timeout);
        if (response.statusCode() == 401
                && learnChallenge(source, response.headers().firstValue("WWW-Authenticate").orElse(null))) {
            response = BoundedBody.send(http, request(source, path, timeout).build(), BoundedBody.bytes(max), timeout);
        }
        return response;
    }

    private byte[] body(HttpResponse<byte[]> response) throws IOException {
        checkStatus(response, 200, response.uri());
        return response.body();
    }

    private HttpRequest.Builder request(InetSocketAddress source, String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(agentUri(source, path)).timeout(timeout);
        headers(null, source, path).forEach(builder::header);
        return builder;
    }

    /**
     * What a request to another agent carries: our transfer port, and, when that agent challenged us
     * before (a private network) and the connection has not proved it yet, our ticket with a proof
     * for that agent only ({@link MemberProof}). Never sent to an agent that did not ask, nor to mirrors.
     */
    private Map<String, String> headers(PieceChannel channel, InetSocketAddress source, String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        server.get().map(TransferServer::port).filter(port -> port > 0)
                .ifPresent(port -> headers.put(TransferHandler.PORT_HEADER, Integer.toString(port)));
        if (channel != null && channel.member()) {
            return headers;
        }
        Optional<String> ticket = tickets.get().flatMap(PeerTicketProvider::currentTicket);
        Optional<MemberProof.Challenge> challenge = challenges.of(source);
        if (ticket.isPresent() && challenge.isPresent()) {
            headers.put("Authorization", PeerTicket.authorizationHeader(ticket.get()));
            headers.put(MemberProof.CHALLENGE_HEADER, challenge.get().nonce());
            headers.putAll(identity.signer().sign(PeerAudience.AGENT,
                    MemberProof.binding(challenge.get().peerId(), challenge.get().nonce()), "GET", path, null).headers());
        }
        return headers;
    }

    /** Remembers the challenge of a 401; false when there is none or we have no ticket to answer it with. */
    private boolean learnChallenge(InetSocketAddress source, String header) {
        Optional<MemberProof.Challenge> challenge = MemberProof.Challenge.parse(header);
        if (challenge.isEmpty() || tickets.get().flatMap(PeerTicketProvider::currentTicket).isEmpty()) {
            return false;
        }
        challenges.remember(source, challenge.get());
        return true;
    }

    private static URI agentUri(InetSocketAddress source, String path) {
        String host = source.getHostString();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + source.getPort() + path);
    }
}
