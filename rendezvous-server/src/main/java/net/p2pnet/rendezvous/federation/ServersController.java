package net.p2pnet.rendezvous.federation;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import net.p2pnet.model.api.ServerStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/servers}: the servers of the network as this one sees them. */
@RestController
public class ServersController {

    private final ServerRegistry registry;

    public ServersController(ServerRegistry registry) {
        this.registry = registry;
    }

    @Operation(summary = "This server and the others it knows, with state (UP, UNREACHABLE, REFUSED, UNKNOWN)")
    @GetMapping("/api/v1/servers")
    public List<ServerStatus> servers() {
        return registry.statuses();
    }
}
