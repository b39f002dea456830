package net.p2pnet.cli.torrent;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code p2pnet torrent create|show}: make and inspect {@code .torrent} files. */
@Command(name = "torrent", mixinStandardHelpOptions = true,
        description = "Create or inspect .torrent files (same info-hash as mktorrent for the same input).",
        subcommands = {TorrentCreateCommand.class, TorrentShowCommand.class})
public final class TorrentCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which: create or show");
    }
}
