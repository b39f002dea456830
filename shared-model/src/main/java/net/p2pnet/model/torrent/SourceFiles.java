package net.p2pnet.model.torrent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a torrent of a path holds, in the order mktorrent 1.1 puts them, so that our info-hash
 * equals mktorrent's: every regular file below the directory (hidden ones too, symbolic links
 * followed, empty directories and special files left out), sorted by {@code strcmp} of the
 * '/'-joined relative path, i.e. by its bytes, unsigned ({@code "a-c" < "a/b" < "a0"}).
 */
final class SourceFiles {

    /** One file to hash; {@code components} is its path below the torrent root. */
    record SourceFile(Path path, List<String> components, long length) {
    }

    private static final Comparator<SourceFile> MKTORRENT_ORDER =
            Comparator.comparing(f -> utf8(String.join("/", f.components())), Arrays::compareUnsigned);

    private SourceFiles() {
    }

    /** A regular file gives itself (single-file torrent); a directory gives its files (multi-file). */
    static List<SourceFile> of(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(new SourceFile(root, List.of(root.getFileName().toString()), Files.size(root)));
        }
        if (!Files.isDirectory(root)) {
            throw Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    ? new IOException(root + " is neither a regular file nor a directory")
                    : new NoSuchFileException(root.toString(), null, "no such file or directory");
        }
        return directory(root);
    }

    private static List<SourceFile> directory(Path root) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.add(sourceFile(root, p)));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileSystemLoopException loop) {
                throw new IOException("symbolic link loop at " + loop.getFile(), loop);
            }
            throw e.getCause();
        }
        files.sort(MKTORRENT_ORDER);
        return List.copyOf(files);
    }

    private static SourceFile sourceFile(Path root, Path file) {
        List<String> components = new ArrayList<>();
        root.relativize(file).forEach(c -> components.add(c.toString()));
        try {
            return new SourceFile(file, components, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
