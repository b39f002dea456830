package net.p2pnet.cli.agent;

import java.util.List;
import java.util.concurrent.Callable;
import net.p2pnet.cli.ProgressBar;
import net.p2pnet.cli.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The sharing subcommands of {@code ./p2pnet agent}: shares, share, search. */
final class ShareCommands {

    private ShareCommands() {
    }

    @Command(name = "shares", description = "Shared files with hashing progress and links.")
    static final class Shares implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;

        @Override
        public Integer call() {
            return agent.list(AgentClient::shares, "nothing shared", s -> {
                agent.out().printf("%-7s %s %s  %s%n", s.state(), ProgressBar.render(Math.round(s.progress() * 1000),
                        1000, 20), Sizes.compact(s.size()), s.path());
                if (s.ed2kLink() != null) {
                    agent.out().printf("        %s%n        %s%n", s.ed2kLink(), s.magnet());
                }
                if (s.error() != null) {
                    agent.out().printf("        error: %s%n", s.error());
                }
            });
        }
    }

    @Command(name = "share", description = "Share a file or directory (absolute path on the agent's machine).")
    static final class Share implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;
        @Parameters(paramLabel = "PATH")
        String path;

        @Override
        public Integer call() {
            return agent.once(c -> c.share(path), added -> agent.out()
                    .printf("sharing %d file(s) under %s (hashing in the background)%n", added.size(), path));
        }
    }

    @Command(name = "search", description = "Search the network's files by name.")
    static final class Search implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;
        @Parameters(paramLabel = "WORDS", arity = "1..*")
        List<String> words;

        @Override
        public Integer call() {
            return agent.list(c -> c.search(String.join(" ", words)), "nothing found",
                    // the magnet is what 'agent add' takes: the agent fetches the torrent from the tracker
                    f -> agent.out().printf("%10s  %2d seeds  %s%n    magnet:?xt=urn:btih:%s%n",
                            Sizes.compact(f.size()), f.seeders(), f.path() != null ? f.path() : f.torrentName(),
                            f.infoHash()));
        }
    }
}
