package net.p2pnet.agent.share;

import java.nio.file.Path;
import java.util.List;
import net.p2pnet.model.api.ShareRootView;
import net.p2pnet.model.api.ShareView;
import org.springframework.stereotype.Service;

/** What the control API can do with shares: add a file or directory, list, stop sharing. */
@Service
public class ShareService {

    private final ShareRoots roots;
    private final ShareScanner scanner;
    private final ShareLibrary library;

    ShareService(ShareRoots roots, ShareScanner scanner, ShareLibrary library) {
        this.roots = roots;
        this.scanner = scanner;
        this.library = library;
    }

    /** Shares a file or a directory tree; answers the files found (hashing in the background). */
    public List<ShareView> add(String path) {
        Path root = roots.add(path);
        return scanner.scan(root).stream().map(library::find).flatMap(java.util.Optional::stream).toList();
    }

    public List<ShareView> list() {
        return library.list();
    }

    /** The shared roots, configured and added through the API. */
    public List<ShareRootView> roots() {
        return roots.views();
    }

    /** Stops sharing a root added through the API; its files are withdrawn at once. */
    public void remove(String path) {
        if (path == null || path.isBlank()) {
            throw new ShareException("'path' is required", false);
        }
        if (path.indexOf('\0') >= 0) {
            throw new ShareException("path contains a NUL character", false);
        }
        roots.remove(Path.of(path));
        scanner.scanAll();
    }
}
