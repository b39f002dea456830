package net.p2pnet.system;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A test bed of hosts on this one machine: every host is a network namespace with its own IPv4
 * address on one bridge, so each service sees the others (and is seen) at a real, non-loopback
 * address. A host may sit behind a NAT router (a namespace masquerading a private link), and the
 * link between hosts can be cut (iptables DROP inside a host).
 *
 * <p>Addresses come only from {@link #RANGE}, 10.77.0.0/16, split into 16 slots of a /20, one per
 * run: slot {@code s} puts the bridge on 10.77.(16s).0/24 (this machine at .1, hosts from .2) and NAT
 * links on 10.77.(16s+k).0/24. A run holds its slot's lock file (under {@code /run/p2pnet-testbed})
 * for as long as its JVM lives, so parallel runs never share addresses; every name it creates starts
 * with {@code p2t}, the slot's hex digit and four random hex digits. At start, whatever a dead run
 * left in a slot nobody holds (namespaces and their processes, links) is removed; {@link #close()}
 * removes everything this run created, and a shutdown hook does so if the JVM ends early. Hosts get
 * no default route, so nothing they send leaves the bridge; this machine has a route to each NAT'd
 * link (deleted with the bridge) only so that the test itself reaches the APIs behind the routers.
 */
final class TestBed implements AutoCloseable {

    static final String RANGE = "10.77.0.0/16";
    private static final int SLOTS = 16;
    private static final String PREFIX = "p2t";
    private static final Path LOCKS = Path.of("/run/p2pnet-testbed");
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(30);

    private final int slot;
    private final String tag;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final Thread cleanupOnExit = new Thread(this::removeAll, "testbed-cleanup");
    private int nextHost = 2;
    private int nextLink = 1;
    private boolean closed;

    private TestBed(int slot, FileChannel lockFile, FileLock lock) {
        this.slot = slot;
        this.lockFile = lockFile;
        this.lock = lock;
        this.tag = PREFIX + Integer.toHexString(slot)
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
    }

    /** Why no test bed can be made here (not root, a tool missing), or empty when one can. */
    static Optional<String> unavailableReason() {
        try {
            ExternalCommand id = ExternalCommand.run(Path.of("."), COMMAND_LIMIT, List.of("id", "-u"));
            if (!"0".equals(id.output().strip())) {
                return Optional.of("the host test bed needs root (network namespaces, a bridge, iptables); uid is "
                        + id.output().strip());
            }
            for (String tool : List.of("ip", "iptables")) {
                ExternalCommand found = ExternalCommand.run(Path.of("."), COMMAND_LIMIT,
                        List.of("sh", "-c", "command -v " + tool));
                if (found.exitCode() != 0) {
                    return Optional.of("the host test bed needs '" + tool + "' (Debian packages iproute2 and iptables)");
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot check for root and tools: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking for root and tools");
        }
    }

    /** Takes a free slot (cleaning what dead runs left in the free ones) and makes the bridge. */
    static TestBed create() throws IOException, InterruptedException {
        Files.createDirectories(LOCKS);
        TestBed bed = null;
        for (int slot = 0; slot < SLOTS; slot++) {
            FileChannel channel = FileChannel.open(LOCKS.resolve("slot-" + slot + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                continue;
            }
            removeLeftovers(PREFIX + Integer.toHexString(slot));
            if (bed == null) {
                bed = new TestBed(slot, channel, lock);
            } else {
                lock.release();
                channel.close();
            }
        }
        if (bed == null) {
            throw new IllegalStateException("all " + SLOTS + " test-bed slots of " + RANGE + " are held by running test beds");
        }
        Runtime.getRuntime().addShutdownHook(bed.cleanupOnExit);
        bed.makeBridge();
        return bed;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisJvm) {
            return null;
        }
    }

    /** This machine's address on the bridge: where the test itself calls the hosts from. */
    String gateway() {
        return subnet(0) + ".1";
    }

    /** A new host on the bridge. */
    TestBedHost host(String name) throws IOException, InterruptedException {
        String namespace = namespace(name);
        int index = nextHost++;
        String address = subnet(0) + "." + index;
        String outside = tag + String.format("%02d", index);
        ip("link", "add", outside, "type", "veth", "peer", "name", "eth0", "netns", namespace);
        ip("link", "set", outside, "master", bridge(), "up");
        inside(namespace, "ip", "addr", "add", address + "/24", "dev", "eth0");
        inside(namespace, "ip", "link", "set", "eth0", "up");
        return new TestBedHost(name, namespace, address, address);
    }

    /**
     * A new host behind a NAT router: the router is a host on the bridge that masquerades whatever
     * the host behind it sends (iptables MASQUERADE), so everyone else sees the router's address.
     * No other host has a route to the host behind it; this machine has one, so that the test can
     * call a service's API there.
     */
    TestBedHost hostBehindNat(String name) throws IOException, InterruptedException {
        TestBedHost router = host(name + "-router");
        int link = nextLink++;
        if (link >= 16) {
            throw new IllegalStateException("a test bed has room for 15 NAT routers");
        }
        String namespace = namespace(name);
        String routerInside = subnet(link) + ".1";
        String address = subnet(link) + ".2";
        ip("link", "add", "lan0", "netns", router.namespace(), "type", "veth", "peer", "name", "eth0", "netns", namespace);
        inside(router.namespace(), "ip", "addr", "add", routerInside + "/24", "dev", "lan0");
        inside(router.namespace(), "ip", "link", "set", "lan0", "up");
        inside(router.namespace(), "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        inside(router.namespace(), "iptables", "-t", "nat", "-A", "POSTROUTING", "-o", "eth0", "-j", "MASQUERADE");
        inside(namespace, "ip", "addr", "add", address + "/24", "dev", "eth0");
        inside(namespace, "ip", "link", "set", "eth0", "up");
        inside(namespace, "ip", "route", "add", "default", "via", routerInside);
        // only this machine (the test, calling the agent's control API) gets a route to the private
        // link; its connections are not masqueraded, the other hosts still cannot reach it
        ip("route", "add", subnet(link) + ".0/24", "via", router.address(), "dev", bridge());
        return new TestBedHost(name, namespace, address, router.address());
    }

    /**
     * Cuts {@code host} off from {@code others}: everything between them is dropped (iptables DROP
     * inside {@code host}, both directions), while the rest of the bed still reaches it. Closing the
     * cut heals the link.
     */
    LinkCut cut(TestBedHost host, List<TestBedHost> others) throws IOException, InterruptedException {
        List<List<String>> rules = new ArrayList<>();
        for (TestBedHost other : others) {
            rules.add(List.of("INPUT", "-s", other.seenAs(), "-j", "DROP"));
            rules.add(List.of("OUTPUT", "-d", other.seenAs(), "-j", "DROP"));
        }
        for (List<String> rule : rules) {
            iptables(host, "-I", rule);
        }
        return () -> {
            for (List<String> rule : rules) {
                iptables(host, "-D", rule);
            }
        };
    }

    /** A cut link; closing it heals the link. */
    interface LinkCut extends AutoCloseable {
        @Override
        void close() throws IOException, InterruptedException;
    }

    private void iptables(TestBedHost host, String action, List<String> rule) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("iptables", action));
        command.addAll(rule);
        inside(host.namespace(), command.toArray(String[]::new));
    }

    @Override
    public void close() {
        removeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to unregister
        }
    }

    private synchronized void removeAll() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            removeLeftovers(tag);
        } catch (IOException | RuntimeException e) {
            System.err.println("testbed: cleanup of " + tag + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                lock.release();
                lockFile.close();
            } catch (IOException e) {
                System.err.println("testbed: releasing the lock of slot " + slot + " failed: " + e);
            }
        }
    }

    /**
     * Removes every namespace (after killing the processes still in it: they were started in it by
     * a test bed) and every link whose name starts with {@code prefix}.
     */
    private static void removeLeftovers(String prefix) throws IOException, InterruptedException {
        for (String line : run("ip", "netns", "list").output().split("\n")) {
            String namespace = line.strip().split(" ")[0];
            if (!namespace.startsWith(prefix)) {
                continue;
            }
            for (String pid : run("ip", "netns", "pids", namespace).output().split("\\s+")) {
                if (!pid.isBlank()) {
                    run("kill", "-9", pid);
                }
            }
            run("ip", "netns", "del", namespace);
        }
        for (String line : run("ip", "-o", "link", "show").output().split("\n")) {
            String[] fields = line.split(":\\s+");
            if (fields.length > 1 && fields[1].startsWith(prefix)) {
                run("ip", "link", "del", fields[1].split("@")[0]);
            }
        }
    }

    private void makeBridge() throws IOException, InterruptedException {
        ip("link", "add", bridge(), "type", "bridge");
        ip("addr", "add", gateway() + "/24", "dev", bridge());
        ip("link", "set", bridge(), "up");
    }

    private String namespace(String host) throws IOException, InterruptedException {
        String namespace = tag + "-" + host;
        ip("netns", "add", namespace);
        inside(namespace, "ip", "link", "set", "lo", "up");
        return namespace;
    }

    private String bridge() {
        return tag + "br";
    }

    private String subnet(int link) {
        return "10.77." + (16 * slot + link);
    }

    private static void inside(String namespace, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        check(full);
    }

    private static void ip(String... arguments) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip"));
        full.addAll(List.of(arguments));
        check(full);
    }

    private static void check(List<String> command) throws IOException, InterruptedException {
        ExternalCommand result = ExternalCommand.run(Path.of("."), COMMAND_LIMIT, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exitCode() + "): "
                    + result.output());
        }
    }

    private static ExternalCommand run(String... command) throws IOException, InterruptedException {
        return ExternalCommand.run(Path.of("."), COMMAND_LIMIT, List.of(command));
    }
}
