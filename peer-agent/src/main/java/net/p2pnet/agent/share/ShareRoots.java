package net.p2pnet.agent.share;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.p2pnet.agent.config.AgentProperties;
import net.p2pnet.model.api.ShareRootView;
import org.springframework.stereotype.Component;

/** The files and directories to share: {@code p2pnet.agent.shared-dirs} plus those added through the API. */
@Component
class ShareRoots {

    private final Set<Path> configured;
    private final ShareRootRepository added;

    ShareRoots(AgentProperties agent, ShareRootRepository added) {
        this.configured = new LinkedHashSet<>(agent.sharedDirs().stream().map(ShareRoots::canonical).toList());
        this.added = added;
    }

    Set<Path> all() {
        Set<Path> all = new LinkedHashSet<>(configured);
        added.findAll().forEach(root -> all.add(Path.of(root.path())));
        return all;
    }

    /** Every root with where it came from: configured ones first, then those added through the API. */
    List<ShareRootView> views() {
        List<ShareRootView> views = new ArrayList<>();
        configured.forEach(root -> views.add(new ShareRootView(root.toString(), ShareRootView.Origin.CONFIGURED)));
        added.findAll().stream().map(ShareRootEntity::path).filter(p -> !configured.contains(Path.of(p))).sorted()
                .forEach(p -> views.add(new ShareRootView(p, ShareRootView.Origin.API)));
        return views;
    }

    /** Validates and remembers a root given through the API. */
    Path add(String path) {
        if (path == null || path.isBlank()) {
            throw new ShareException("'path' is required: an absolute path to a file or directory", false);
        }
        if (path.indexOf('\0') >= 0) {
            throw new ShareException("path contains a NUL character", false);
        }
        Path root = Path.of(path);
        if (!root.isAbsolute()) {
            throw new ShareException("path '" + path + "' is relative; give an absolute path", false);
        }
        Path normalized = canonical(root);
        if (!Files.isReadable(normalized)) {
            throw new ShareException("path '" + path + "' does not exist or cannot be read by the agent", false);
        }
        if (!configured.contains(normalized) && !added.existsById(normalized.toString())) {
            added.save(new ShareRootEntity(normalized.toString(), Instant.now()));
        }
        return normalized;
    }

    /** Forgets a root added through the API; configured roots stay (they come back on restart). */
    void remove(Path root) {
        Path normalized = canonical(root);
        if (configured.contains(normalized)) {
            throw new ConfiguredRootException(normalized + " is shared by p2pnet.agent.shared-dirs (configuration);"
                    + " it can only be removed there, not through the API");
        }
        if (!added.existsById(normalized.toString())) {
            throw new ShareException(normalized + " is not a shared root", true);
        }
        added.deleteById(normalized.toString());
    }

    private static Path canonical(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
