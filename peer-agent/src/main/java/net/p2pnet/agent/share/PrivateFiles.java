package net.p2pnet.agent.share;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;

/**
 * Files that are never shared, whatever directory is shared: hidden files and everything under a
 * hidden directory ({@code .ssh}, {@code .gnupg}, {@code .aws}, {@code .netrc}, {@code .pgpass},
 * editors' and downloaders' temporaries), and files whose names match the key and credential globs
 * of {@code p2pnet.agent.share.never-shared} (case-insensitive: {@code ID_RSA} on a FAT stick).
 */
final class PrivateFiles {

    private final List<PathMatcher> names;

    PrivateFiles(List<String> globs) {
        this.names = globs.stream().map(glob -> FileSystems.getDefault()
                .getPathMatcher("glob:" + glob.toLowerCase(Locale.ROOT))).toList();
    }

    /** Whether a directory found under a shared root is left out with all it holds. */
    boolean skipsDirectory(Path directory, Path root) {
        return !directory.equals(root) && hidden(directory);
    }

    /** Whether a file is never shared. */
    boolean isPrivate(Path file) {
        if (hidden(file)) {
            return true;
        }
        Path name = Path.of(file.getFileName().toString().toLowerCase(Locale.ROOT));
        return names.stream().anyMatch(matcher -> matcher.matches(name));
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
