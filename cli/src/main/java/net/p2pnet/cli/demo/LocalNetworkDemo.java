package net.p2pnet.cli.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import net.p2pnet.cli.CliErrorHandler;
import net.p2pnet.cli.ProgressBar;
import net.p2pnet.cli.Sizes;
import net.p2pnet.cli.agent.AgentCallException;
import net.p2pnet.cli.agent.AgentClient;
import net.p2pnet.model.api.AddDownloadRequest;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.api.RoomEntry;
import net.p2pnet.model.api.ShareState;
import net.p2pnet.model.api.ShareView;
import net.p2pnet.model.api.SourceView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The narrated demo behind {@code ./p2pnet demo}, run by the launcher (not a {@code p2pnet} command)
 * against the local network of {@code ./p2pnet up}: agent 1 shares a generated file, agents 2 and 3
 * download it from several sources at once, agent 2 posts its link in a room that agent 3 reads
 * through another rendezvous server. Exits 0 only if every step worked and both copies are
 * byte-identical to the original.
 */
@Command(name = "p2pnet demo", mixinStandardHelpOptions = true,
        description = "Narrated demo against the network of ./p2pnet up.")
public final class LocalNetworkDemo implements Callable<Integer> {

    private static final String ROOM = "p2pnet-demo";
    private static final Duration STEP_LIMIT = Duration.ofMinutes(15);

    @Option(names = "--home", required = true, description = "state directory of ./p2pnet up (.p2pnet)")
    Path home;

    @Option(names = "--size-mib", defaultValue = "256", description = "size of the shared file in MiB")
    int sizeMib;

    @Option(names = "--agents", split = ",", defaultValue = "http://127.0.0.1:9701,http://127.0.0.1:9702,http://127.0.0.1:9703")
    List<String> agentUrls;

    @Option(names = "--token", defaultValue = "${env:P2PNET_AGENT_TOKEN}",
            description = "API token of agents on other hosts (or $P2PNET_AGENT_TOKEN); loopback needs none")
    String token;

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalNetworkDemo()).setExecutionExceptionHandler(new CliErrorHandler())
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        List<AgentClient> agents = agentUrls.stream().map(url -> new AgentClient(url, token)).toList();
        if (agents.size() != 3) {
            throw new IllegalArgumentException("the demo needs exactly three agents, got " + agents.size());
        }

        step(1, "agent-1 shares a generated " + sizeMib + " MiB file");
        Path original = generate(home.resolve("data/agent-1/shared/p2pnet-demo-" + sizeMib + "MiB.bin"),
                (long) sizeMib << 20);
        ShareView share = awaitShared(agents.get(0), original);
        String magnet = share.magnet();
        String ed2k = share.ed2kLink();
        say("shared: " + ed2k);

        step(2, "agent-2 downloads it by magnet link, agent-3 by ed2k link, at the same time");
        long started = System.nanoTime();
        String id2 = agents.get(1).add(new AddDownloadRequest(magnet, List.of(), List.of())).id();
        String id3 = agents.get(2).add(new AddDownloadRequest(ed2k, List.of(), List.of())).id();
        Map<String, DownloadView> done = awaitDownloads(Map.of("agent-2", new Job(agents.get(1), id2),
                "agent-3", new Job(agents.get(2), id3)));
        double seconds = (System.nanoTime() - started) / 1e9;

        step(3, "both copies are checked against the original");
        String expected = sha1(original);
        for (Map.Entry<String, DownloadView> entry : done.entrySet()) {
            String actual = sha1(Path.of(entry.getValue().path()));
            if (!actual.equals(expected)) {
                throw new IllegalStateException(entry.getKey() + "'s copy differs from the original (SHA-1 " + actual + ")");
            }
            say(entry.getKey() + ": byte-identical (SHA-1 " + expected + ")");
        }

        step(4, "agent-2 posts the link in room '" + ROOM + "'; agent-3 reads it through rendezvous-2");
        ensureRoom(agents.get(1));
        awaitRoomListed(agents.get(2));
        agents.get(1).join(ROOM);
        agents.get(2).join(ROOM);
        agents.get(1).say(ROOM, "the demo file, verified", ed2k);
        awaitMessage(agents.get(2), ed2k);
        say("agent-3 read agent-2's message with the link");

        step(5, "summary");
        summary(done, seconds);
        out.println("demo: every step succeeded");
        out.flush();
        return 0;
    }

    private record Job(AgentClient agent, String id) {
    }

    private Path generate(Path file, long size) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == size) {
            say("reusing " + file);
            return file;
        }
        Files.createDirectories(file.getParent());
        // written beside and renamed, so the agent never hashes a half-written file
        Path partial = file.resolveSibling("." + file.getFileName() + ".part");
        SplittableRandom random = new SplittableRandom(size);
        byte[] block = new byte[1 << 20];
        try (OutputStream stream = Files.newOutputStream(partial)) {
            for (long written = 0; written < size; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                stream.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        say("generated " + file);
        return file;
    }

    private ShareView awaitShared(AgentClient agent, Path file) throws InterruptedException {
        String path = file.toAbsolutePath().normalize().toString();
        long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ShareView share : agent.shares()) {
                if (!path.equals(share.path())) {
                    continue;
                }
                if (share.state() == ShareState.SHARED) {
                    progress("hashing", 1, 1);
                    out.println();
                    return share;
                }
                if (share.state() == ShareState.FAILED) {
                    throw new IllegalStateException("agent-1 could not share the file: " + share.error());
                }
                progress("hashing", (long) (share.progress() * 1000), 1000);
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("agent-1 did not share " + path + " within " + STEP_LIMIT
                + " (is it sharing " + file.getParent() + "? see ./p2pnet logs agent-1)");
    }

    private Map<String, DownloadView> awaitDownloads(Map<String, Job> jobs) throws InterruptedException {
        Map<String, DownloadView> finished = new LinkedHashMap<>();
        long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
        while (finished.size() < jobs.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("downloads not finished within " + STEP_LIMIT);
            }
            StringBuilder line = new StringBuilder();
            for (Map.Entry<String, Job> entry : new java.util.TreeMap<>(jobs).entrySet()) {
                DownloadView view = entry.getValue().agent().download(entry.getValue().id());
                if (view.state() == DownloadState.FAILED) {
                    throw new IllegalStateException(entry.getKey() + "'s download failed: " + view.error());
                }
                if (view.state() == DownloadState.COMPLETED) {
                    finished.put(entry.getKey(), view);
                }
                line.append(entry.getKey()).append(' ')
                        .append(ProgressBar.render(view.verifiedBytes(), view.size(), 20))
                        .append(' ').append(view.sources().size()).append(" src   ");
            }
            out.print("\r  " + line);
            out.flush();
            Thread.sleep(500);
        }
        out.println();
        return finished;
    }

    /**
     * agent-2 creates the room through its control API, as a user would: the agent signs the call to
     * the chatroom service with its own key. A room left from an earlier run is answered 409.
     */
    private void ensureRoom(AgentClient creator) {
        try {
            creator.createRoom(ROOM, "files of the p2pnet demo", false);
        } catch (AgentCallException e) {
            if (e.status() != 409) {
                throw e;
            }
        }
    }

    private void awaitRoomListed(AgentClient agent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            for (RoomEntry room : agent.rooms()) {
                if (ROOM.equals(room.name())) {
                    say("agent-3 finds the room in the federated directory (home server " + room.homeServer() + ")");
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("room " + ROOM + " never appeared in agent-3's room list");
    }

    private void awaitMessage(AgentClient reader, String link) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            if (reader.messages(ROOM).toString().contains(link)) {
                return;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("agent-3 did not receive the message with the link");
    }

    private void summary(Map<String, DownloadView> downloads, double seconds) {
        for (Map.Entry<String, DownloadView> entry : downloads.entrySet()) {
            DownloadView view = entry.getValue();
            List<String> sources = new ArrayList<>();
            for (SourceView source : view.sources()) {
                if (source.bytes() > 0) {
                    sources.add(source.address() + " (" + source.network() + ") " + Sizes.compact(source.bytes()));
                }
            }
            out.printf("  %s: %s verified, %d piece(s) failed, from %d source(s): %s%n", entry.getKey(),
                    Sizes.compact(view.verifiedBytes()), view.piecesFailed(), sources.size(), String.join(", ", sources));
        }
        long total = downloads.values().stream().mapToLong(DownloadView::size).sum();
        out.printf("  both downloads together: %s in %.1f s (%.1f MiB/s)%n", Sizes.compact(total), seconds,
                total / seconds / (1 << 20));
    }

    private static String sha1(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha1.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha1.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void step(int number, String text) {
        out.printf("%n[%d/5] %s%n", number, text);
        out.flush();
    }

    private void say(String text) {
        out.println("  " + text);
        out.flush();
    }

    private void progress(String what, long done, long total) {
        out.print("\r  " + what + " " + ProgressBar.render(done, total, 30));
        out.flush();
    }
}
