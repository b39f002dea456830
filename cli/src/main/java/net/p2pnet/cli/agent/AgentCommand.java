package net.p2pnet.cli.agent;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./p2pnet agent ...}: remote control of a running agent through its REST API (MLdonkey's
 * telnet commands, in a shell). Exit codes: 0 done, 1 the agent refused or could not be reached,
 * 2 bad usage.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Control a running p2pnet agent.",
        subcommands = {DownloadCommands.Status.class, DownloadCommands.Add.class, DownloadCommands.Pause.class,
                DownloadCommands.Resume.class, DownloadCommands.Cancel.class, ShareCommands.Shares.class,
                ShareCommands.Share.class, ShareCommands.Search.class, RoomCommands.Rooms.class,
                RoomCommands.CreateRoom.class, RoomCommands.Join.class, RoomCommands.Say.class,
                RoomCommands.Listen.class})
public final class AgentCommand implements Runnable {

    @Option(names = "--url", defaultValue = "${env:P2PNET_AGENT_URL:-http://127.0.0.1:9700}",
            description = "the agent's control URL (default: ${DEFAULT-VALUE}, or $P2PNET_AGENT_URL)")
    String url;

    @Option(names = "--token", defaultValue = "${env:P2PNET_AGENT_TOKEN}",
            description = "API token for remote control (or $P2PNET_AGENT_TOKEN)")
    String token;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    AgentClient client() {
        return new AgentClient(url, token);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Runs a call, printing a refusal as one line on stderr. */
    int call(Callable<Integer> action) {
        try {
            return action.call();
        } catch (Exception e) {
            spec.commandLine().getErr().println("p2pnet agent: " + e.getMessage());
            return 1;
        }
    }

    /** One request to the agent whose answer is printed: the shape of most subcommands. */
    @FunctionalInterface
    interface Request<T> {
        T send(AgentClient client) throws Exception;
    }

    /** Sends {@code request} and prints its answer with {@code print}; a refusal is one line on stderr. */
    <T> int once(Request<T> request, Consumer<T> print) {
        return call(() -> {
            print.accept(request.send(client()));
            return 0;
        });
    }

    /** Prints each entry of a listing, or {@code empty} when there is none. */
    <T> int list(Function<AgentClient, List<T>> listing, String empty, Consumer<T> print) {
        return call(() -> {
            List<T> items = listing.apply(client());
            if (items.isEmpty()) {
                out().println(empty);
            }
            items.forEach(print);
            return 0;
        });
    }
}
