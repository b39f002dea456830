// Load generator for bench/rendezvous.sh, run with the JDK's source launcher (java -cp <shared-model> RendezvousLoad.java).
// Real HTTP over loopback, many concurrent clients on virtual threads; each simulated peer has its own key and
// signs every request with it, as agents do (shared-model's PeerKey, PeerRequestSigner).
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerKey;
import net.p2pnet.model.crypto.PeerRequestSigner;

public class RendezvousLoad {

    private static final Pattern ID = Pattern.compile("\"peerId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TICKET = Pattern.compile("\"ticket\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: RendezvousLoad SERVER_A SERVER_B SERVER_C JOIN_KEY PEERS HEARTBEAT_SECONDS [CONCURRENCY]");
            System.exit(2);
        }
        String a = args[0], b = args[1], c = args[2], joinKey = args[3];
        int peers = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int concurrency = args.length > 6 ? Integer.parseInt(args[6]) : 32;
        String[] ids = new String[peers];
        String[] tickets = new String[peers];
        PeerRequestSigner[] signers = new PeerRequestSigner[peers];

        Result reg = run("registrations", concurrency, peers, Long.MAX_VALUE, i -> {
            signers[i] = new PeerRequestSigner(PeerKey.generate(), Clock.systemUTC());
            String body = "{\"name\":\"sim-" + i + "\",\"transferPort\":" + (1024 + i % 60000) + ",\"joinKey\":\"" + joinKey + "\"}";
            HttpResponse<String> r = send(signed(HttpRequest.newBuilder(URI.create(a + "/api/v1/peers")), signers[i],
                    "POST", "/api/v1/peers", body, null).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (r.statusCode() != 201) {
                throw new IllegalStateException("registration answered " + r.statusCode() + ": " + r.body());
            }
            ids[i] = group(ID, r.body());
            tickets[i] = group(TICKET, r.body());
        });
        reg.print();
        System.out.println("READY_FOR_HEAP_MEASURE");
        System.out.flush();
        Thread.sleep(Long.getLong("pauseMillis", 0L));

        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Result beats = run("heartbeats", concurrency, Integer.MAX_VALUE, deadline, i -> {
            int p = i % peers;
            String path = "/api/v1/peers/" + ids[p] + "/heartbeat";
            HttpResponse<String> r = send(signed(HttpRequest.newBuilder(URI.create(a + path)), signers[p], "PUT", path,
                    "", tickets[p]).PUT(HttpRequest.BodyPublishers.noBody()));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("heartbeat answered " + r.statusCode() + ": " + r.body());
            }
        });
        beats.print();

        propagation(a, b, c, joinKey, tickets[0], signers[0]);
    }

    /** The peer signature (audience rendezvous) and, after registration, the ticket. */
    private static HttpRequest.Builder signed(HttpRequest.Builder request, PeerRequestSigner signer, String method,
            String path, String body, String ticket) {
        signer.sign(PeerAudience.RENDEZVOUS, method, path, body.getBytes(StandardCharsets.UTF_8)).headers()
                .forEach(request::header);
        return ticket == null ? request : request.header("Authorization", "Bearer " + ticket);
    }

    /** Registers on A and times until B and C both answer for the new peer. */
    private static void propagation(String a, String b, String c, String joinKey, String ticket, PeerRequestSigner asker)
            throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            String body = "{\"name\":\"probe-" + n + "\",\"transferPort\":4000,\"joinKey\":\"" + joinKey + "\"}";
            long start = System.nanoTime();
            HttpResponse<String> r = send(signed(HttpRequest.newBuilder(URI.create(a + "/api/v1/peers")),
                    new PeerRequestSigner(PeerKey.generate(), Clock.systemUTC()), "POST", "/api/v1/peers", body, null)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            String id = group(ID, r.body());
            boolean onB = false, onC = false;
            while (!(onB && onC)) {
                if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("peer " + id + " not visible on all servers after 30 s");
                }
                onB = onB || found(b, id, ticket, asker);
                onC = onC || found(c, id, ticket, asker);
                if (!(onB && onC)) {
                    Thread.sleep(5);
                }
            }
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        millis.sort(null);
        System.out.printf("propagation A->B,C: %d probes, median %d ms, max %d ms%n", millis.size(),
                millis.get(millis.size() / 2), millis.getLast());
    }

    private static boolean found(String server, String id, String ticket, PeerRequestSigner asker) throws Exception {
        String path = "/api/v1/peers/" + id;
        return send(signed(HttpRequest.newBuilder(URI.create(server + path)), asker, "GET", path, "", ticket).GET())
                .statusCode() == 200;
    }

    interface Call {
        void run(int i) throws Exception;
    }

    record Result(String what, long count, long errors, double seconds, long[] latenciesNanos) {
        void print() {
            long[] sorted = Arrays.copyOf(latenciesNanos, (int) Math.min(count, latenciesNanos.length));
            Arrays.sort(sorted);
            System.out.printf("%s: %d in %.1f s = %.0f/s, errors %d, p50 %.2f ms, p99 %.2f ms%n", what, count, seconds,
                    count / seconds, errors, pct(sorted, 0.50), pct(sorted, 0.99));
        }

        private static double pct(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, q * sorted.length)] / 1e6;
        }
    }

    /** Runs {@code call} for indexes 0..max-1 (or until the deadline) on {@code concurrency} workers. */
    private static Result run(String what, int concurrency, int max, long deadline, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long[] latencies = new long[2_000_000];
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < max && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        try {
                            call.run(i);
                            int slot = done.getAndIncrement();
                            if (slot < latencies.length) {
                                latencies[slot] = System.nanoTime() - t;
                            }
                        } catch (Exception e) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println(what + ": " + e.getMessage());
                            }
                        }
                    }
                    return null;
                });
            }
        }
        return new Result(what, done.get(), errors.get(), (System.nanoTime() - start) / 1e9, latencies);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String group(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return m.group(1);
    }
}
