package net.p2pnet.cli.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import net.p2pnet.model.api.AddDownloadRequest;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.api.RendezvousSessionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The download subcommands of {@code ./p2pnet agent}: status, add, pause, resume, cancel. */
final class DownloadCommands {

    private DownloadCommands() {
    }

    @Command(name = "status", description = "Downloads with progress (and the network session).")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;

        @Option(names = "--watch", description = "redraw every second until every download is finished")
        boolean watch;

        @Override
        public Integer call() {
            return agent.call(() -> {
                AgentClient client = agent.client();
                boolean terminal = System.console() != null;
                agent.out().printf("network: %s%n", describe(client.network()));
                do {
                    List<DownloadView> downloads = client.downloads();
                    if (downloads.isEmpty()) {
                        agent.out().println("no downloads");
                    }
                    downloads.forEach(d -> DownloadLines.print(d, terminal, agent.out()));
                    agent.out().flush();
                    if (!watch || allFinished(downloads)) {
                        return 0;
                    }
                    Thread.sleep(1000);
                    if (terminal) {
                        agent.out().print("\033[" + downloads.size() + "F\033[J"); // back up and redraw in place
                    }
                } while (true);
            });
        }

        private static String describe(RendezvousSessionView network) {
            if (network.registered()) {
                return "peer " + network.peerId() + " via " + network.server();
            }
            return "not registered" + (network.lastError() != null ? " (" + network.lastError() + ")" : "");
        }

        private static boolean allFinished(List<DownloadView> downloads) {
            return downloads.stream().allMatch(d -> d.state() == DownloadState.COMPLETED
                    || d.state() == DownloadState.FAILED);
        }
    }

    @Command(name = "add", description = "Download a magnet, ed2k or http .torrent link, or a local .torrent file.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;

        @Parameters(paramLabel = "LINK|FILE")
        String what;

        @Option(names = "--mirror", description = "HTTP mirror / web seed URL (repeatable)")
        List<String> mirrors = List.of();

        @Option(names = "--source", description = "host:port of an agent's transfer port (repeatable)")
        List<String> sources = List.of();

        @Override
        public Integer call() {
            Path file = Path.of(what.startsWith("file:") ? what.substring(5) : what);
            boolean isLink = what.matches("(?i)(magnet:|ed2k:|https?:).*");
            return agent.once(c -> !isLink && Files.isRegularFile(file) ? c.addTorrent(file, mirrors, sources)
                    : c.add(new AddDownloadRequest(what, mirrors, sources)),
                    added -> DownloadLines.print(added, false, agent.out()));
        }
    }

    /** {@code pause} and {@code resume}: the download's new state is printed. */
    abstract static class StateChange implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;
        @Parameters(paramLabel = "ID")
        String id;

        abstract DownloadView change(AgentClient client, String id);

        @Override
        public Integer call() {
            return agent.once(c -> change(c, id), d -> DownloadLines.print(d, false, agent.out()));
        }
    }

    @Command(name = "pause", description = "Pause a download.")
    static final class Pause extends StateChange {
        @Override
        DownloadView change(AgentClient client, String id) {
            return client.pause(id);
        }
    }

    @Command(name = "resume", description = "Resume a paused download.")
    static final class Resume extends StateChange {
        @Override
        DownloadView change(AgentClient client, String id) {
            return client.resume(id);
        }
    }

    @Command(name = "cancel", description = "Cancel a download and delete its incomplete data.")
    static final class Cancel implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            return agent.call(() -> {
                agent.client().cancel(id);
                agent.out().println("cancelled " + id);
                return 0;
            });
        }
    }
}
