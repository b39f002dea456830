package net.p2pnet.cli.torrent;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import net.p2pnet.cli.TerminalProgress;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.model.torrent.TorrentOptions;
import net.p2pnet.model.torrent.TorrentWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code p2pnet torrent create}: mktorrent 1.1's options and output, so that a torrent made here
 * and one made by mktorrent for the same input and piece length have the same info-hash.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a .torrent for a file or a directory. Prints the info-hash and the output path.")
final class TorrentCreateCommand implements Callable<Integer> {

    static final String CREATED_BY = "p2pnet 0.1.0";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-a", "--announce"}, paramLabel = "URL[,URL]...",
            description = "Tracker announce URL; each -a is one tier (BEP 12), commas separate URLs of a tier.")
    List<String> announce = new ArrayList<>();

    @Option(names = {"-l", "--piece-length"}, paramLabel = "LOG2", defaultValue = "18",
            description = "Piece length 2^LOG2 bytes, 15..26 (default ${DEFAULT-VALUE}: 256 KiB, as mktorrent).")
    int pieceLengthLog2;

    @Option(names = {"-p", "--private"}, description = "Set the private flag (BEP 27): peers from the tracker only.")
    boolean privateTorrent;

    @Option(names = {"-w", "--web-seed"}, paramLabel = "URL[,URL]...", description = "Web seed URL (BEP 19).")
    List<String> webSeeds = new ArrayList<>();

    @Option(names = {"-c", "--comment"}, description = "Comment stored in the torrent.")
    String comment;

    @Option(names = {"-d", "--no-date"}, description = "Leave out the creation date.")
    boolean noDate;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output file (default: NAME.torrent).")
    Path output;

    @Option(names = "--force", description = "Replace OUT if it exists.")
    boolean force;

    @Parameters(paramLabel = "PATH", description = "File or directory to share.")
    Path path;

    @Override
    public Integer call() throws IOException {
        TorrentOptions options = options();
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        Path out = output != null ? output : Path.of(path.toAbsolutePath().normalize().getFileName() + ".torrent");
        if (Files.isDirectory(out)) {
            throw new IOException("output " + out + " is a directory");
        }
        if (!force && Files.exists(out)) { // before hashing, which may take minutes
            throw new FileAlreadyExistsException(out.toString());
        }
        Metainfo metainfo;
        try (TerminalProgress progress = TerminalProgress.forFile(path, spec.commandLine().getErr())) {
            metainfo = TorrentWriter.create(path, options, progress);
        }
        write(metainfo.toBytes(), out);
        spec.commandLine().getOut().println(metainfo.infoHash().hex() + "  " + out);
        return 0;
    }

    private TorrentOptions options() {
        List<List<String>> tiers = announce.stream().map(tier -> urls(tier, Set.of("http", "https", "udp"))).toList();
        List<String> seeds = webSeeds.stream().flatMap(w -> urls(w, Set.of("http", "https", "ftp")).stream()).toList();
        return TorrentOptions.defaults()
                .withAnnounceTiers(tiers)
                .withPieceLength(TorrentOptions.pieceLengthOfLog2(pieceLengthLog2))
                .withPrivate(privateTorrent)
                .withWebSeeds(seeds)
                .withComment(comment)
                .withCreatedBy(CREATED_BY)
                .withCreationDate(noDate ? null : Instant.now());
    }

    /** A comma-separated list of absolute URLs with one of the given schemes; a typo fails here, not in a client. */
    private static List<String> urls(String commaSeparated, Set<String> schemes) {
        return Arrays.stream(commaSeparated.split(",", -1)).map(url -> {
            try {
                URI uri = new URI(url);
                if (uri.getScheme() != null && schemes.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
                        && uri.getRawAuthority() != null) {
                    return url;
                }
            } catch (URISyntaxException e) {
                // reported below, with the accepted schemes
            }
            throw new IllegalArgumentException("not a usable URL: '" + url + "' (expected " + String.join(", ",
                    schemes.stream().sorted().map(s -> s + "://host/...").toList()) + ")");
        }).toList();
    }

    /** Through a temporary file and a rename, so a failure never leaves half a torrent behind. */
    private void write(byte[] torrent, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        // Not createTempFile: its 0600 mode would stick to the torrent; this one follows the umask.
        Path tmp = dir.resolve(".p2pnet-" + UUID.randomUUID() + ".torrent.tmp");
        try {
            Files.write(tmp, torrent, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (force) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(tmp, out);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
