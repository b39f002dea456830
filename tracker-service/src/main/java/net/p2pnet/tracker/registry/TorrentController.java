package net.p2pnet.tracker.registry;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import net.p2pnet.model.api.TrackedFile;
import net.p2pnet.model.api.TrackedTorrent;
import net.p2pnet.tracker.announce.AccessPolicy;
import net.p2pnet.tracker.swarm.Key20;
import net.p2pnet.tracker.swarm.SwarmRegistry;
import net.p2pnet.tracker.swarm.SwarmStats;
import net.p2pnet.tracker.web.ApiCredentialFilter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The torrent registry API. Who calls is settled before the body is read by
 * {@link ApiCredentialFilter} (in private mode every call needs a passkey, the same credential
 * announces use): a registration records the member's peer id, and only that member or the
 * operator may delete the torrent.
 */
@RestController
@RequestMapping("/api/v1/torrents")
public class TorrentController {

    static final String BITTORRENT = "application/x-bittorrent";

    private final TorrentRegistry registry;
    private final SwarmRegistry swarms;
    private final AccessPolicy access;

    public TorrentController(TorrentRegistry registry, SwarmRegistry swarms, AccessPolicy access) {
        this.registry = registry;
        this.swarms = swarms;
        this.access = access;
    }

    @Operation(summary = "Register a .torrent (multipart part 'torrent', optional 'ed2k' of its single file)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<TrackedTorrent> upload(@RequestPart("torrent") MultipartFile torrent,
                                                 @RequestParam(name = "ed2k", required = false) String ed2k,
                                                 @RequestAttribute(name = ApiCredentialFilter.MEMBER, required = false)
                                                 String member) throws IOException {
        return register(torrent.getBytes(), ed2k, member);
    }

    @Operation(summary = "Register a .torrent sent as the raw request body")
    @PostMapping(consumes = {BITTORRENT, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ResponseEntity<TrackedTorrent> uploadRaw(@RequestBody byte[] torrent,
                                                    @RequestParam(name = "ed2k", required = false) String ed2k,
                                                    @RequestAttribute(name = ApiCredentialFilter.MEMBER, required = false)
                                                    String member) {
        return register(torrent, ed2k, member);
    }

    private ResponseEntity<TrackedTorrent> register(byte[] bytes, String ed2k, String member) {
        RegisteredTorrent torrent = registry.register(bytes, ed2k, RegisteredTorrent.Origin.API, null, member);
        return ResponseEntity.created(URI.create("/api/v1/torrents/" + torrent.infoHash().hex()))
                .body(view(torrent, swarms.stats(torrent.infoHash())));
    }

    @Operation(summary = "Registered torrents with seeders, leechers and completed downloads")
    @GetMapping
    public List<TrackedTorrent> list() {
        return registry.all().stream()
                .sorted(Comparator.comparing(RegisteredTorrent::registeredAt).thenComparing(RegisteredTorrent::name))
                .map(t -> view(t, swarms.stats(t.infoHash())))
                .toList();
    }

    @GetMapping("/{infoHash}")
    public TrackedTorrent get(@PathVariable String infoHash) {
        Key20 hash = InfoHashParam.parse(infoHash);
        return registry.get(hash).map(t -> view(t, swarms.stats(hash)))
                .orElseThrow(() -> new NotRegisteredException(hash));
    }

    @Operation(summary = "The .torrent file as registered, without passkeys in its tracker URLs")
    @GetMapping(value = "/{infoHash}/torrent", produces = BITTORRENT)
    public ResponseEntity<byte[]> download(@PathVariable String infoHash) {
        Key20 hash = InfoHashParam.parse(infoHash);
        byte[] bytes = registry.metainfo(hash).orElseThrow(() -> new NotRegisteredException(hash));
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + hash.hex() + ".torrent\"")
                .body(bytes);
    }

    @Operation(summary = "Unregister: only the member who registered it (passkey) or the operator (X-Operator-Token)")
    @DeleteMapping("/{infoHash}")
    public ResponseEntity<Void> delete(@PathVariable String infoHash,
                                       @RequestAttribute(name = ApiCredentialFilter.MEMBER, required = false)
                                       String member,
                                       @RequestAttribute(name = ApiCredentialFilter.OPERATOR, required = false)
                                       Boolean operator) {
        Key20 hash = InfoHashParam.parse(infoHash);
        registry.unregister(hash, member, Boolean.TRUE.equals(operator), access.privateMode());
        return ResponseEntity.noContent().build();
    }

    static TrackedTorrent view(RegisteredTorrent t, SwarmStats stats) {
        return new TrackedTorrent(t.infoHash().hex(), t.name(), t.size(),
                t.files().stream().map(f -> new TrackedFile(f.path(), f.size(), f.ed2k())).toList(),
                t.registeredAt(), t.origin() == RegisteredTorrent.Origin.API ? "api" : "allowed-dir",
                stats.seeders(), stats.leechers(), stats.downloaded());
    }
}
