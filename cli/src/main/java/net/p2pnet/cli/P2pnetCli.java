package net.p2pnet.cli;

import net.p2pnet.cli.agent.AgentCommand;
import net.p2pnet.cli.hash.HashCommand;
import net.p2pnet.cli.torrent.TorrentCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./p2pnet} command line: file tools and remote control of an agent. It never starts
 * Spring, so a {@code hash} of a small file costs little more than the JVM's start.
 */
@Command(name = "p2pnet", mixinStandardHelpOptions = true, version = "p2pnet 0.1.0",
        description = "Tools of a private peer-to-peer network.",
        subcommands = {CommandLine.HelpCommand.class, HashCommand.class, TorrentCommand.class, AgentCommand.class})
public final class P2pnetCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new P2pnetCli()).setExecutionExceptionHandler(new CliErrorHandler());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
