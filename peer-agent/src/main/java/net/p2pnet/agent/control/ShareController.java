package net.p2pnet.agent.control;

import java.util.List;
import net.p2pnet.agent.share.ShareService;
import net.p2pnet.model.api.AddShareRequest;
import net.p2pnet.model.api.ShareRootView;
import net.p2pnet.model.api.ShareView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/shares}: what this agent shares (DESIGN.md, peer-agent control API). */
@RestController
@RequestMapping("/api/v1/shares")
class ShareController {

    private final ShareService shares;

    ShareController(ShareService shares) {
        this.shares = shares;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    List<ShareView> add(@RequestBody AddShareRequest request) {
        return shares.add(request.path());
    }

    @GetMapping
    List<ShareView> list() {
        return shares.list();
    }

    /** Stops sharing a root added through the API (same as {@code DELETE /api/v1/shares/roots}). */
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@RequestParam String path) {
        shares.remove(path);
    }

    /** The shared directories and files, each with where it came from (configuration or the API). */
    @GetMapping("/roots")
    List<ShareRootView> roots() {
        return shares.roots();
    }

    /** Removes a root added through the API; a configured root is a 409, an unknown one a 404. */
    @DeleteMapping("/roots")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeRoot(@RequestParam String path) {
        shares.remove(path);
    }
}
