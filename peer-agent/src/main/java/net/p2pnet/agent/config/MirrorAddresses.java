package net.p2pnet.agent.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import net.p2pnet.model.net.AddressScope;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which HTTP mirrors and web seeds the agent fetches from. Their URLs come from links, torrents
 * ({@code url-list}) and redirects, that is from whoever made them: unless the user allows it, a
 * mirror must be on the public internet, so that a torrent cannot make the agent call the user's
 * router, a cloud metadata service or anything listening on the machine. Mirrors are named by URL,
 * so names are resolved; every address a name resolves to must pass.
 *
 * @param allowPrivateMirrors let mirrors and web seeds point at loopback, link-local, private,
 *                            shared or multicast addresses (a LAN mirror; tests on loopback)
 */
@ConfigurationProperties("p2pnet.agent")
public record MirrorAddresses(@DefaultValue("false") boolean allowPrivateMirrors) {

    /** Why the agent will not fetch {@code uri} as a mirror, or empty when it may. */
    public Optional<String> refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("mirror " + uri + " is not an http(s) URL");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("mirror " + uri + " names no host");
        }
        if (allowPrivateMirrors) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            Optional<InetAddress> literal = AddressScope.literal(host);
            addresses = literal.isPresent() ? new InetAddress[] {literal.get()} : InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("mirror host " + host + " is unknown");
        }
        for (InetAddress address : addresses) {
            if (!AddressScope.isPublic(address)) {
                return Optional.of("mirror " + uri.getScheme() + "://" + host + " is on a local or private address ("
                        + address.getHostAddress() + "); set p2pnet.agent.allow-private-mirrors=true to allow it");
            }
        }
        return Optional.empty();
    }
}
