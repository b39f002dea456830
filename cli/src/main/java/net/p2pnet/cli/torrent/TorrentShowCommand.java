package net.p2pnet.cli.torrent;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import net.p2pnet.cli.Sizes;
import net.p2pnet.model.torrent.InfoDictionary;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.model.torrent.TorrentFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code p2pnet torrent show}: what a {@code .torrent} holds, in the spirit of transmission-show. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show what a .torrent file holds.")
final class TorrentShowCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE.torrent", description = "The torrent to show.")
    Path torrent;

    @Override
    public Integer call() throws IOException {
        if (Files.isDirectory(torrent)) {
            throw new IOException(torrent + " is a directory, not a .torrent file");
        }
        Metainfo m = Metainfo.read(torrent);
        PrintWriter out = spec.commandLine().getOut();
        InfoDictionary info = m.info();
        out.printf("Name:          %s%n", info.name());
        out.printf("Info-hash:     %s%n", m.infoHash().hex());
        out.printf("Size:          %s%n", Sizes.describe(info.totalLength()));
        out.printf("Piece length:  %s, %d piece%s%n", Sizes.describe(info.pieceLength()), info.pieceCount(),
                info.pieceCount() == 1 ? "" : "s");
        out.printf("Private:       %s%n", info.isPrivate() ? "yes (BEP 27)" : "no");
        m.comment().ifPresent(c -> out.printf("Comment:       %s%n", c));
        m.createdBy().ifPresent(c -> out.printf("Created by:    %s%n", c));
        m.creationDate().ifPresent(d -> out.printf("Created on:    %s%n", d));
        trackers(m, out);
        list("Web seeds", m.webSeeds(), out);
        files(info, out);
        out.flush();
        return 0;
    }

    private static void trackers(Metainfo m, PrintWriter out) {
        if (m.announceTiers().isEmpty()) {
            list("Trackers", m.trackers(), out);
            return;
        }
        out.printf("Trackers:%n");
        for (int i = 0; i < m.announceTiers().size(); i++) {
            out.printf("  tier %d: %s%n", i + 1, String.join(" ", m.announceTiers().get(i)));
        }
    }

    private static void list(String title, List<String> values, PrintWriter out) {
        out.printf("%s:%s%n", title, values.isEmpty() ? " none" : "");
        values.forEach(v -> out.printf("  %s%n", v));
    }

    private static void files(InfoDictionary info, PrintWriter out) {
        out.printf("Files (%d):%n", info.files().size());
        for (TorrentFile file : info.files()) {
            String path = info.isSingleFile() ? file.pathString() : info.name() + "/" + file.pathString();
            out.printf("  %s (%s)%n", path, Sizes.describe(file.length()));
        }
    }
}
