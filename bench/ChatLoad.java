import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerKey;
import net.p2pnet.model.crypto.PeerRequestSigner;
import net.p2pnet.model.crypto.PeerTicket;

/**
 * Load generator for bench/chat.sh: MEMBERS members spread over ROOMS rooms, each with an open SSE
 * stream, each posting BURST messages as fast as it can. Every message carries its send time
 * (System.nanoTime, same JVM as the readers), so each delivery gives one fan-out latency.
 * Bounded: fixed message count, and it gives up after 180 s.
 *
 * Usage: java -cp SHARED_MODEL_CLASSPATH bench/ChatLoad.java BASE_URL NETWORK SECRET ROOMS MEMBERS BURST
 */
public class ChatLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        NetworkKey key = NetworkKey.derive(args[1], args[2]);
        int rooms = Integer.parseInt(args[3]);
        int members = Integer.parseInt(args[4]);
        int burst = Integer.parseInt(args[5]);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
        // each member as an agent is one: its own key, a ticket bound to it, every request signed with it
        Member[] tokens = new Member[members];
        for (int i = 0; i < members; i++) {
            PeerKey own = PeerKey.generate();
            tokens[i] = new Member(PeerTicket.issue(key, own.publicKey(), EnumSet.allOf(PeerAudience.class), "m" + i,
                    Instant.now(), Duration.ofHours(1)).encode(key), new PeerRequestSigner(own, Clock.systemUTC()));
        }
        for (int r = 0; r < rooms; r++) {
            expect(201, send(http, tokens[0], "POST", base + "/api/v1/rooms", "{\"name\":\"bench-" + r + "\"}"));
        }
        parallel(threads, members, i -> expect(201, send(http, tokens[i], "POST",
                base + "/api/v1/rooms/bench-" + (i % rooms) + "/members", "{\"nickname\":\"m" + i + "\"}")));

        long perRoom = (long) members / rooms;
        long expected = (long) members * burst * perRoom;
        long[] latencies = new long[(int) expected];
        long[] fanOut = new long[(int) expected];
        AtomicInteger delivered = new AtomicInteger();
        AtomicLong lastDelivery = new AtomicLong();
        CountDownLatch open = new CountDownLatch(members);
        List<InputStream> streams = new ArrayList<>();
        HttpClient streamClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
        for (int i = 0; i < members; i++) {
            URI events = URI.create(base + "/api/v1/rooms/bench-" + (i % rooms) + "/events");
            HttpRequest request = tokens[i].sign(HttpRequest.newBuilder(events), "GET", events, null)
                    .header("Accept", "text/event-stream").build();
            InputStream body = streamClient.send(request, HttpResponse.BodyHandlers.ofInputStream()).body();
            streams.add(body);
            threads.submit(() -> read(body, open, latencies, fanOut, delivered, lastDelivery));
        }
        if (!open.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every stream opened");
        }

        long start = System.nanoTime();
        AtomicInteger refused = new AtomicInteger();
        parallel(threads, members, i -> {
            for (int m = 0; m < burst; m++) {
                HttpResponse<String> r = send(http, tokens[i], "POST",
                        base + "/api/v1/rooms/bench-" + (i % rooms) + "/messages",
                        "{\"text\":\"" + System.nanoTime() + "\"}");
                if (r.statusCode() != 201) {
                    refused.incrementAndGet();
                }
            }
        });
        long postedAt = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(180);
        while (delivered.get() < expected - refused.get() * perRoom && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int count = delivered.get();
        double seconds = (lastDelivery.get() - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, Math.min(count, latencies.length));
        Arrays.sort(sorted);
        System.out.printf("members=%d rooms=%d burst=%d posts=%d refused=%d%n", members, rooms, burst,
                (long) members * burst, refused.get());
        System.out.printf("posting took %.2f s (%.0f posts/s)%n", (postedAt - start) / 1e9,
                members * burst / ((postedAt - start) / 1e9));
        System.out.printf("delivered %d of %d messages in %.2f s: %.0f delivered messages/s%n", count, expected,
                seconds, count / seconds);
        long[] fan = Arrays.copyOf(fanOut, Math.min(count, fanOut.length));
        Arrays.sort(fan);
        // fan-out: from the moment the service stamped the event (before storing it) to its arrival at a reader
        System.out.printf("fan-out latency ms (event stamped by the service -> received): p50 %.1f  p99 %.1f  max %.1f%n",
                pct(fan, 0.50), pct(fan, 0.99), fan.length == 0 ? 0 : fan[fan.length - 1] / 1e6);
        // end to end: includes waiting for the POST itself, i.e. every member posting its whole burst at once
        System.out.printf("end-to-end latency ms (POST sent -> received): p50 %.1f  p99 %.1f  max %.1f%n",
                pct(sorted, 0.50), pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        for (InputStream s : streams) {
            s.close();
        }
        System.exit(count == expected ? 0 : 1);
    }

    private static void read(InputStream body, CountDownLatch open, long[] latencies, long[] fanOut,
            AtomicInteger delivered, AtomicLong lastDelivery) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            boolean first = true;
            for (String line; (line = in.readLine()) != null; ) {
                if (first) {
                    open.countDown();
                    first = false;
                }
                int at = line.indexOf("\"text\":\"");
                if (line.startsWith("data:") && line.contains("\"type\":\"message\"") && at > 0) {
                    long now = System.nanoTime();
                    Instant wallNow = Instant.now();
                    long sent = Long.parseLong(line.substring(at + 8, line.indexOf('"', at + 8)));
                    int stamp = line.indexOf("\"at\":\"");
                    Instant stamped = Instant.parse(line.substring(stamp + 6, line.indexOf('"', stamp + 6)));
                    int slot = delivered.getAndIncrement();
                    if (slot < latencies.length) {
                        latencies[slot] = now - sent;
                        fanOut[slot] = Duration.between(stamped, wallNow).toNanos();
                    }
                    lastDelivery.accumulateAndGet(now, Math::max);
                }
            }
        } catch (Exception closed) {
            // the stream was closed at the end of the run
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    interface Task {
        void run(int i) throws Exception;
    }

    private static void parallel(ExecutorService threads, int n, Task task) throws Exception {
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(threads.submit(() -> {
                task.run(index);
                return null;
            }));
        }
        for (var f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> send(HttpClient http, Member member, String method, String url, String json)
            throws Exception {
        URI uri = URI.create(url);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = member.sign(HttpRequest.newBuilder(uri), method, uri, body)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(60)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A member's ticket and key: each request carries the ticket and a fresh signature (audience chatroom). */
    private record Member(String ticket, PeerRequestSigner signer) {
        HttpRequest.Builder sign(HttpRequest.Builder request, String method, URI uri, byte[] body) {
            signer.sign(PeerAudience.CHATROOM, method, uri.getRawPath(), body).headers().forEach(request::header);
            return request.header("Authorization", "Bearer " + ticket);
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }
}
