package net.p2pnet.tracker.search;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import net.p2pnet.model.api.Ed2kLocation;
import net.p2pnet.model.api.FileHit;
import net.p2pnet.model.api.RequestRefused;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/files")
public class FileController {

    private final FileSearch search;

    public FileController(FileSearch search) {
        this.search = search;
    }

    @Operation(summary = "Search registered files by name words and size range (bytes)")
    @GetMapping
    public List<FileHit> search(@RequestParam(name = "q", defaultValue = "") String q,
                                @RequestParam(name = "minSize", defaultValue = "0") long minSize,
                                @RequestParam(name = "maxSize", defaultValue = "" + Long.MAX_VALUE) long maxSize,
                                @RequestParam(name = "limit", defaultValue = "100") int limit) {
        if (q.isBlank() && minSize == 0 && maxSize == Long.MAX_VALUE) {
            throw RequestRefused.badRequest("give search words (q) or a size range (minSize, maxSize)");
        }
        if (q.length() > 500) {
            throw RequestRefused.badRequest("q is longer than 500 characters");
        }
        if (minSize < 0 || maxSize < minSize) {
            throw RequestRefused.badRequest("size range must satisfy 0 <= minSize <= maxSize");
        }
        if (limit < 1 || limit > FileSearch.MAX_RESULTS) {
            throw RequestRefused.badRequest("limit must be between 1 and " + FileSearch.MAX_RESULTS);
        }
        return search.search(q, minSize, maxSize, limit);
    }

    @Operation(summary = "Torrents and live sources of the file with this ed2k (MD4) hash")
    @GetMapping("/ed2k/{hash}")
    public Ed2kLocation locate(@PathVariable String hash) {
        if (!hash.matches("[0-9a-fA-F]{32}")) {
            throw RequestRefused.badRequest("ed2k hash must be 32 hex digits, as 'rhash --ed2k' prints");
        }
        String ed2k = hash.toLowerCase(Locale.ROOT);
        return search.locate(ed2k).orElseThrow(() -> RequestRefused.notFound(
                "no registered torrent contains a file with ed2k hash " + ed2k));
    }
}
