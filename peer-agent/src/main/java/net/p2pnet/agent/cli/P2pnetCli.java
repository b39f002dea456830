package net.p2pnet.agent.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./p2pnet} command line: file tools and remote control of an agent. */
@Command(name = "p2pnet", mixinStandardHelpOptions = true, version = "p2pnet 0.1.0",
        description = "Tools of a private peer-to-peer network.",
        subcommands = {CommandLine.HelpCommand.class, HashCommand.class, TorrentCommand.class, AgentCommand.class,
            DemoCommand.class})
public final class P2pnetCli implements Runnable {

    private static final Set<String> FIRST_WORDS = Set.of("hash", "torrent", "agent", "demo", "help", "--help", "-h",
            "--version", "-V");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether these arguments name a CLI command rather than daemon options. */
    public static boolean handles(String[] args) {
        return args.length > 0 && FIRST_WORDS.contains(args[0]);
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        return new CommandLine(new P2pnetCli()).setExecutionExceptionHandler(new CliErrorHandler());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
