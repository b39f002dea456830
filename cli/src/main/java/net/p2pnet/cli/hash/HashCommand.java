package net.p2pnet.cli.hash;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import net.p2pnet.cli.TerminalProgress;
import net.p2pnet.model.hash.ContentHasher;
import net.p2pnet.model.hash.ContentHashes;
import net.p2pnet.model.link.Ed2kLink;
import net.p2pnet.model.link.MagnetLink;
import net.p2pnet.model.torrent.InfoDictionary;
import net.p2pnet.model.torrent.SingleFileInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p2pnet hash}: reads each file once and prints its ed2k link, SHA-1 and the BitTorrent v1
 * info-hash of a single-file torrent of it (what {@code rhash --ed2k-link --sha1 --btih} and
 * {@code mktorrent} would give). Runs without Spring: a CLI start must stay cheap.
 */
@Command(name = "hash", mixinStandardHelpOptions = true,
        description = {"Prints the ed2k link, SHA-1 and BitTorrent info-hash of each FILE, reading it once.",
            "Exit status 2 when a FILE cannot be hashed (the others still are)."})
public final class HashCommand implements Callable<Integer> {

    static final int CANNOT_HASH = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line: file, size, ed2k, ed2kLink, sha1, btih, "
            + "pieceLength (lowercase hex).")
    boolean json;

    @Option(names = "--piece-length", paramLabel = "BYTES", converter = PieceLengthConverter.class,
            description = "BitTorrent piece length for the info-hash: a power of two from 32K to 256M, with an "
                    + "optional K or M suffix. Default: ${DEFAULT-VALUE}, mktorrent's default (-l 18).",
            defaultValue = "256K")
    int pieceLength;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to hash.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HashOutput output = json ? new HashOutput.Json(out) : new HashOutput.Text(out);
        int status = 0;
        try (ContentHasher hasher = new ContentHasher()) {
            for (Path file : files) {
                try (TerminalProgress progress = TerminalProgress.forFile(file, err)) {
                    output.print(file, result(file, hasher.hash(file, pieceLength, progress)));
                } catch (IOException e) {
                    err.println("p2pnet hash: " + problem(file, e));
                    status = CANNOT_HASH;
                }
                out.flush();
            }
        }
        return status;
    }

    private static HashResult result(Path file, ContentHashes hashes) {
        String name = file.getFileName().toString();
        InfoDictionary info = SingleFileInfo.of(name, hashes);
        return new HashResult(hashes, Ed2kLink.of(name, hashes), info.infoHash(), MagnetLink.of(info));
    }

    /** One line a user can act on, without a stack trace. */
    static String problem(Path file, IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> file + ": no such file";
            case AccessDeniedException denied -> file + ": permission denied";
            case FileSystemException fs when fs.getReason() != null -> file + ": " + fs.getReason();
            default -> file + ": cannot read: " + e.getMessage();
        };
    }
}
