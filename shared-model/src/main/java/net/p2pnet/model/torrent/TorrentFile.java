package net.p2pnet.model.torrent;

import java.nio.file.Path;
import java.util.List;

/**
 * One file of a torrent. {@code path} holds the components below the torrent's directory (for a
 * single-file torrent, just its name); {@code offset} is where the file starts in the torrent's
 * byte stream, which hashes all files back to back (BEP 3). Unsafe components (see
 * {@link PathComponents}) are refused here too, so no TorrentFile can point outside its directory.
 */
public record TorrentFile(List<String> path, long length, long offset) {

    public TorrentFile {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a torrent file needs a path");
        }
        path.forEach(component -> PathComponents.check(component, "path"));
        if (length < 0 || offset < 0) {
            throw new IllegalArgumentException("negative length or offset: " + length + ", " + offset);
        }
    }

    /** Components joined with '/'. */
    public String pathString() {
        return String.join("/", path);
    }

    /** Where this file lives below {@code root}; cannot escape it, every component was checked on construction. */
    public Path resolveUnder(Path root) {
        Path p = root;
        for (String component : path) {
            p = p.resolve(component);
        }
        return p;
    }
}
