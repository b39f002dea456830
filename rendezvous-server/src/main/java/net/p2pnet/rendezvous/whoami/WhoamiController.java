package net.p2pnet.rendezvous.whoami;

import jakarta.servlet.http.HttpServletRequest;
import net.p2pnet.model.api.ObservedAddress;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/whoami}: the caller's address and port as this server sees them. */
@RestController
public class WhoamiController {

    private final ClientAddressResolver addresses;

    public WhoamiController(ClientAddressResolver addresses) {
        this.addresses = addresses;
    }

    @GetMapping("/api/v1/whoami")
    public ObservedAddress whoami(HttpServletRequest request) {
        return addresses.resolve(request);
    }
}
