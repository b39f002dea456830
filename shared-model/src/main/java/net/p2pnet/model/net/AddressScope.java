package net.p2pnet.model.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an address points, judged without any DNS lookup: addresses that peers send (sources,
 * gossip, mirrors, web seeds) must be literals, and those that reach the user's own machine or
 * network (loopback, link-local, private, multicast) are refused unless the user allows them, so
 * a peer cannot make an agent call its router, cloud metadata service or local admin pages.
 */
public final class AddressScope {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private AddressScope() {
    }

    /** The address an IP literal names (IPv6 with or without brackets); empty for a DNS name or garbage. */
    public static Optional<InetAddress> literal(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(bare).matches() && !(bare.indexOf(':') >= 0 && IPV6.matcher(bare).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare)); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * A peer-sent {@code host:port} whose host is an IP literal, as an address to connect to; empty
     * for a DNS name (never looked up: a peer must not make us query names of its choosing) or
     * anything malformed.
     */
    public static Optional<InetSocketAddress> literalEndpoint(String hostPort) {
        try {
            ServerAddress parsed = ServerAddress.parse(hostPort);
            return literal(parsed.host()).map(address -> new InetSocketAddress(address, parsed.port()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the address is on the public internet: not loopback, link-local, private, shared (CGNAT), multicast or unspecified. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // RFC 6598 shared address space
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // RFC 4193 unique local
                return false;
            }
            if (isMappedV4(b)) {
                return isPublic(fromMapped(b));
            }
        }
        return true;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static InetAddress fromMapped(byte[] b) {
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
