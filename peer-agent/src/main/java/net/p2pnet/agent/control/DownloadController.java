package net.p2pnet.agent.control;

import java.io.IOException;
import java.util.List;
import net.p2pnet.agent.download.DownloadService;
import net.p2pnet.model.api.AddDownloadRequest;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.torrent.Metainfo;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/downloads}: add (link or uploaded .torrent), list, inspect, pause, resume, cancel. */
@RestController
@RequestMapping("/api/v1/downloads")
class DownloadController {

    private final DownloadService downloads;

    DownloadController(DownloadService downloads) {
        this.downloads = downloads;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DownloadView add(@RequestBody AddDownloadRequest request) {
        if (request.link() == null || request.link().isBlank()) {
            throw new BadControlRequestException("'link' is required: a magnet:, ed2k:// or http(s) .torrent link");
        }
        return downloads.add(request);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DownloadView upload(@RequestPart("torrent") MultipartFile torrent,
            @RequestParam(name = "mirrors", required = false) List<String> mirrors,
            @RequestParam(name = "sources", required = false) List<String> sources) throws IOException {
        if (torrent.isEmpty()) {
            throw new BadControlRequestException("the 'torrent' part is empty");
        }
        if (torrent.getSize() > Metainfo.MAX_TORRENT_BYTES) {
            throw new BadControlRequestException("the .torrent has " + torrent.getSize() + " bytes; at most "
                    + Metainfo.MAX_TORRENT_BYTES + " are accepted");
        }
        return downloads.addTorrent(torrent.getBytes(), mirrors == null ? List.of() : mirrors,
                sources == null ? List.of() : sources);
    }

    @GetMapping
    List<DownloadView> list() {
        return downloads.list();
    }

    @GetMapping("/{id}")
    DownloadView get(@PathVariable String id) {
        return downloads.get(id);
    }

    /** One byte per piece (0 missing, 1 in flight, 2 verified, 3 failed) as a string of digits. */
    @GetMapping("/{id}/pieces")
    PieceMapView pieces(@PathVariable String id) {
        return PieceMapView.of(id, downloads.pieceMap(id));
    }

    @PostMapping("/{id}/pause")
    DownloadView pause(@PathVariable String id) {
        return downloads.pause(id);
    }

    @PostMapping("/{id}/resume")
    DownloadView resume(@PathVariable String id) {
        return downloads.resume(id);
    }

    @PutMapping("/{id}/rate")
    DownloadView rate(@PathVariable String id, @RequestBody RateLimitRequest request) {
        if (request.bytesPerSecond() < 0) {
            throw new BadControlRequestException("bytesPerSecond must be 0 (no own limit) or positive");
        }
        return downloads.setRateLimit(id, request.bytesPerSecond());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@PathVariable String id) {
        downloads.cancel(id);
    }
}
