package net.p2pnet.rendezvous.federation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import net.p2pnet.model.net.ServerAddress;
import net.p2pnet.rendezvous.config.RendezvousProperties;
import net.p2pnet.rendezvous.federation.FederationMessages.DirectoryPage;
import net.p2pnet.rendezvous.federation.FederationMessages.SyncBatch;
import net.p2pnet.rendezvous.metrics.RendezvousMetrics;
import net.p2pnet.rendezvous.peer.PeerPersistence;
import net.p2pnet.rendezvous.room.RoomPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The federation's clockwork: contacting servers (handshake, server lists), pushing changes,
 * anti-entropy pulls, and expiry plus write-behind of own entries. Calls to several servers run in
 * parallel on virtual threads, so one slow server does not hold up the others.
 */
@Component
class FederationSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FederationSync.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(15);

    private final ServerRegistry registry;
    private final ServerContact contact;
    private final DirectoryExchange exchange;
    private final FederationClient client;
    private final PeerPersistence peerPersistence;
    private final RoomPersistence roomPersistence;
    private final TaskScheduler scheduler;
    private final RendezvousProperties.Sync sync;
    private final RendezvousProperties properties;
    private final MeterRegistry meters;
    private final RendezvousMetrics metrics;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    /** Rounds share it; the final write at shutdown takes it alone, after any round in flight has ended. */
    private final ReentrantReadWriteLock rounds = new ReentrantReadWriteLock();
    private volatile boolean running;

    FederationSync(ServerRegistry registry, ServerContact contact, DirectoryExchange exchange, FederationClient client,
            PeerPersistence peerPersistence, RoomPersistence roomPersistence, TaskScheduler scheduler,
            RendezvousProperties properties, MeterRegistry meters, RendezvousMetrics metrics) {
        this.registry = registry;
        this.contact = contact;
        this.exchange = exchange;
        this.client = client;
        this.peerPersistence = peerPersistence;
        this.roomPersistence = roomPersistence;
        this.scheduler = scheduler;
        this.sync = properties.sync();
        this.properties = properties;
        this.meters = meters;
        this.metrics = metrics;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        registry.load();
        int peers = peerPersistence.load();
        int rooms = roomPersistence.load();
        log.info("restored {} own peers and {} own rooms; federation starts", peers, rooms);
        running = true;
        tasks.add(scheduler.scheduleWithFixedDelay(() -> guarded("servers", this::contactServers), sync.serversInterval()));
        tasks.add(scheduler.scheduleWithFixedDelay(() -> guarded("push", this::pushChanges), sync.pushInterval()));
        tasks.add(scheduler.scheduleWithFixedDelay(() -> guarded("anti_entropy", this::antiEntropy),
                sync.antiEntropyInterval()));
        tasks.add(scheduler.scheduleWithFixedDelay(() -> guarded("maintenance", this::maintenance),
                properties.persistInterval()));
    }

    /** Handshakes and server-list exchange with every server whose backoff has passed. */
    void contactServers() {
        List<ServerAddress> fresh = parallel(registry.due().stream().map(KnownServer::address).toList(),
                contact::contact);
        for (ServerAddress server : fresh) {
            if (server != null) {
                pullFrom(server); // a newly joined server: catch up with everything it knows now
            }
        }
        registry.persistIfChanged();
    }

    /** Sends queued changes of own entries to every server that is up. */
    void pushChanges() {
        for (SyncBatch batch = exchange.drain(); !batch.peers().isEmpty() || !batch.rooms().isEmpty();
                batch = exchange.drain()) {
            SyncBatch toSend = batch;
            parallel(registry.up(), server -> {
                try {
                    client.push(server, toSend);
                } catch (FederationCallException e) {
                    handleFailure(server, e);
                }
                return null;
            });
        }
    }

    /** Pulls the whole directory of one random server that is up, repairing any missed push. */
    void antiEntropy() {
        List<ServerAddress> up = registry.up();
        if (!up.isEmpty()) {
            pullFrom(up.get(ThreadLocalRandom.current().nextInt(up.size())));
        }
    }

    void maintenance() {
        peerPersistence.expireAndFlush();
        roomPersistence.expireAndFlush();
        registry.persistIfChanged();
        metrics.refresh();
    }

    private void pullFrom(ServerAddress server) {
        Timer.Sample sample = Timer.start(meters);
        try {
            pullAll(server, "peers", page -> exchange.merge(page.peers(), List.of()));
            pullAll(server, "rooms", page -> exchange.merge(List.of(), page.rooms()));
            registry.synced(server);
        } catch (FederationCallException e) {
            handleFailure(server, e);
        } catch (RuntimeException e) {
            log.warn("anti-entropy with {} failed: {}", server, e.getMessage());
        } finally {
            sample.stop(timer("anti_entropy"));
        }
    }

    private void pullAll(ServerAddress server, String kind, Consumer<DirectoryPage> merge)
            throws FederationCallException {
        String after = null;
        do {
            DirectoryPage page = client.pull(server, kind, after, sync.batchSize());
            exchange.validate(page);
            merge.accept(page);
            after = page.next();
        } while (after != null && running);
    }

    private void handleFailure(ServerAddress server, FederationCallException e) {
        if (e.kind() == FederationCallException.Kind.REFUSED) {
            registry.needsHandshake(server);
        } else {
            registry.markUnreachable(server, e.getMessage());
        }
    }

    private <T> List<T> parallel(List<ServerAddress> servers, Function<ServerAddress, T> call) {
        List<Future<T>> futures = servers.stream().map(s -> calls.submit(() -> call.apply(s))).toList();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return results;
            } catch (ExecutionException e) {
                log.warn("federation call failed", e.getCause());
            }
        }
        return results;
    }

    private void guarded(String kind, Runnable task) {
        Lock round = rounds.readLock();
        round.lock();
        Timer.Sample sample = Timer.start(meters);
        try {
            if (running) {
                task.run();
            }
        } catch (RuntimeException e) {
            if (running) {
                log.warn("federation {} round failed: {}", kind, e.toString());
            }
        } finally {
            round.unlock();
            if (!"anti_entropy".equals(kind)) {
                sample.stop(timer(kind));
            }
        }
    }

    private Timer timer(String kind) {
        return Timer.builder("p2pnet.federation.sync").description("Federation rounds by kind").publishPercentileHistogram()
                .tag("kind", kind).register(meters);
    }

    @Override
    public void start() {
        // Rounds start once the application is ready (the server address is known then).
    }

    /** Stops the rounds and writes what is pending, so a graceful restart loses nothing. */
    @Override
    public void stop() {
        running = false;
        tasks.forEach(t -> t.cancel(false));
        calls.shutdownNow();
        // A round in flight may have taken pending changes and be writing them: the database must
        // stay open until it is done, or they are lost with nothing left to write here.
        Lock alone = rounds.writeLock();
        boolean locked = false;
        try {
            locked = alone.tryLock(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
            if (!locked) {
                log.warn("a federation round still runs after {}; writing pending state beside it", SHUTDOWN_WAIT);
            }
            // Each part on its own: a failure writing peers must not cost the rooms or the server list.
            finalWrite("peers", peerPersistence::expireAndFlush);
            finalWrite("rooms", roomPersistence::expireAndFlush);
            finalWrite("servers", registry::persistIfChanged);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (locked) {
                alone.unlock();
            }
        }
    }

    private static void finalWrite(String what, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            log.warn("could not write pending {} at shutdown: {}", what, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
