package net.p2pnet.chat.directory;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import net.p2pnet.chat.config.ChatProperties;
import net.p2pnet.chat.metrics.ChatMetrics;
import net.p2pnet.chat.room.LiveRoom;
import net.p2pnet.chat.room.Rooms;
import net.p2pnet.chat.room.RoomsChanged;
import net.p2pnet.model.api.AnnouncedRoom;
import net.p2pnet.model.api.RoomAnnouncement;
import net.p2pnet.model.crypto.KeyPurpose;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.RequestSigner;
import net.p2pnet.model.crypto.SignedRequest;
import net.p2pnet.model.net.BoundedBody;
import net.p2pnet.model.text.Excerpt;
import net.p2pnet.support.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the configured rendezvous servers which public rooms this service hosts and how many users
 * each has: the complete list every {@code announce-interval} (it refreshes the directory's TTL) and,
 * debounced, after every change, so a deleted room disappears from the whole network quickly.
 * Requests are signed with the network key's service-credential sub-key; an unreachable server is
 * retried with exponential backoff without delaying the others.
 */
@Component
public class RoomAnnouncer {

    static final String ANNOUNCE_PATH = "/api/v1/rooms/announce";
    private static final long ANSWER_DEADLINE_SECONDS = 10;
    /** A dead rendezvous server is tried again at least this often; the first pause is two announce intervals. */
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(RoomAnnouncer.class);

    private final ChatProperties properties;
    private final Rooms rooms;
    private final NetworkKey key;
    private final Clock clock;
    private final JsonMapper json;
    private final ChatMetrics metrics;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<URI, Target> targets = new LinkedHashMap<>();
    private final AtomicBoolean changePending = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("room-announcer").daemon().factory());
    private volatile String serviceUrl;
    private volatile RequestSigner signer;

    public RoomAnnouncer(ChatProperties properties, Rooms rooms, NetworkKey key, Clock clock, JsonMapper json,
            ChatMetrics metrics) {
        this.properties = properties;
        this.rooms = rooms;
        this.key = key;
        this.clock = clock;
        this.json = json;
        this.metrics = metrics;
        for (URI url : properties.rendezvousUrls()) {
            targets.put(url, new Target(announceUri(url),
                    new Backoff(properties.announceInterval().multipliedBy(2), MAX_BACKOFF)));
        }
    }

    /** Starts once the port is known: without a configured public URL it is part of the service URL. */
    @EventListener
    void start(WebServerInitializedEvent event) {
        // A separate management port starts a second web server: announce once, for the API's port.
        if (event.getApplicationContext().getServerNamespace() != null || !started.compareAndSet(false, true)) {
            return;
        }
        serviceUrl = properties.publicUrl() != null ? properties.publicUrl().toString()
                : "http://127.0.0.1:" + event.getWebServer().getPort();
        if (targets.isEmpty()) {
            LOG.info("p2pnet.chatroom.rendezvous-urls is empty: rooms are not announced to any directory");
            return;
        }
        signer = new RequestSigner(key, KeyPurpose.SERVICE_CREDENTIAL, serviceUrl, clock);
        LOG.info("announcing rooms of {} to {} every {}", serviceUrl, targets.keySet(), properties.announceInterval());
        long interval = properties.announceInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::announceSafely, 0, interval, TimeUnit.MILLISECONDS);
    }

    @EventListener
    void roomsChanged(RoomsChanged event) {
        if (signer != null && changePending.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                changePending.set(false);
                announceSafely();
            }, properties.announceDebounce().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** What would be announced now: public rooms only, private ones stay unlisted. */
    public RoomAnnouncement announcement() {
        List<AnnouncedRoom> list = rooms.all().stream().filter(r -> !r.isPrivate())
                .sorted(Comparator.comparing(LiveRoom::name))
                .map(r -> new AnnouncedRoom(r.name(), r.topic(), r.memberCount())).toList();
        return new RoomAnnouncement(serviceUrl, list);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private void announceSafely() {
        try {
            byte[] body = json.writeValueAsBytes(announcement());
            Instant now = monotonicNow();
            targets.forEach((url, target) -> {
                if (target.backoff.ready(now) && target.inFlight.compareAndSet(false, true)) {
                    send(url, target, body);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("could not build the room announcement", e);
        }
    }

    private void send(URI url, Target target, byte[] body) {
        SignedRequest signature = signer.sign("POST", target.uri.getRawPath(), body);
        HttpRequest.Builder request = HttpRequest.newBuilder(target.uri).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signature.headers().forEach(request::header);
        // the answer is only logged: a little of it is enough, and a server that drips it is cut off
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request.build(),
                BoundedBody.text(BoundedBody.ERROR));
        answer.orTimeout(ANSWER_DEADLINE_SECONDS, TimeUnit.SECONDS).whenComplete((response, error) -> {
            if (error instanceof TimeoutException) {
                answer.cancel(true);
            }
            target.inFlight.set(false);
            if (error == null && response.statusCode() / 100 == 2) {
                if (target.backoff.failures() > 0) {
                    LOG.info("rendezvous server {} accepts our room announcements again", url);
                }
                target.backoff.succeeded();
                metrics.announced("ok");
            } else {
                Duration delay = target.backoff.failed(monotonicNow());
                metrics.announced("failed");
                String why = error != null ? error.toString()
                        : "HTTP " + response.statusCode() + " " + Excerpt.printable(response.body());
                LOG.warn("announcing rooms to {} failed ({}); next try in {}", url, why, delay);
            }
        });
    }

    /**
     * Pauses are measured on the monotonic clock: the service clock may jump (NTP, or a test that
     * moves it), and a pause must not end early or last for hours because of that.
     */
    private static Instant monotonicNow() {
        return Instant.EPOCH.plusNanos(System.nanoTime());
    }

    private static URI announceUri(URI base) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + ANNOUNCE_PATH);
    }

    private record Target(URI uri, Backoff backoff, AtomicBoolean inFlight) {
        Target(URI uri, Backoff backoff) {
            this(uri, backoff, new AtomicBoolean());
        }
    }
}
