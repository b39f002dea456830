package net.p2pnet.agent.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Download records ({@code ID.json} beside the part files), written atomically whenever what a
 * download is asked to do changes, so a restart - even after {@code kill -9} - resumes every download.
 * Plain files rather than the agent's database: a record and its part file live and die together.
 */
final class DownloadStore {

    private static final Logger log = LoggerFactory.getLogger(DownloadStore.class);

    private final Path dir;
    private final JsonMapper json;

    DownloadStore(Path dir, JsonMapper json) {
        this.dir = dir;
        this.json = json;
    }

    Path dir() {
        return dir;
    }

    void save(DownloadSpec spec) {
        try {
            Files.createDirectories(dir);
            Path temp = dir.resolve(spec.id() + ".json.tmp");
            Files.write(temp, json.writeValueAsBytes(spec));
            Files.move(temp, dir.resolve(spec.id() + ".json"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save download " + spec.id() + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    void delete(String id) {
        try {
            Files.deleteIfExists(dir.resolve(id + ".json"));
        } catch (IOException e) {
            log.warn("cannot delete the record of download {}: {}", id, e.getMessage());
        }
    }

    /** Every readable record; unreadable ones are logged and skipped (their files stay for inspection). */
    List<DownloadSpec> loadAll() {
        List<DownloadSpec> specs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return specs;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                try {
                    specs.add(json.readValue(Files.readAllBytes(file), DownloadSpec.class));
                } catch (IOException | JacksonException e) {
                    log.warn("skipping unreadable download record {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list download records in " + dir, e);
        }
        return specs;
    }
}
