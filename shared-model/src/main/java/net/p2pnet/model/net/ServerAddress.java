package net.p2pnet.model.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A server's {@code host:port} as written in SERVERS files and exchanged between servers: a DNS
 * name, an IPv4 address, or an IPv6 address in brackets ({@code [::1]:8700}); port 1–65535.
 * Hosts are kept lower-case so that one server has one spelling.
 */
public record ServerAddress(String host, int port) implements Comparable<ServerAddress> {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-f:.]{2,45}");

    public ServerAddress {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host is empty");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
        checkHost(host);
    }

    /**
     * Parses {@code host:port}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static ServerAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("address is empty; expected host:port");
        }
        String s = text.strip();
        String host;
        String port;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("'" + s + "': an IPv6 address must be written [address]:port");
            }
            host = s.substring(1, close);
            port = s.substring(close + 2);
            if (host.indexOf(':') < 0) {
                throw new IllegalArgumentException("'" + s + "': brackets are only for IPv6 addresses");
            }
        } else {
            int colon = s.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("'" + s + "' has no port; expected host:port");
            }
            host = s.substring(0, colon);
            port = s.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw new IllegalArgumentException("'" + s + "': write IPv6 addresses in brackets, e.g. [::1]:8700");
            }
        }
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("'" + s + "': port '" + port + "' is not a number in 1-65535");
        }
        return new ServerAddress(host, Integer.parseInt(port));
    }

    /** True for an IPv6 literal (written in brackets). */
    public boolean isIpv6() {
        return host.indexOf(':') >= 0;
    }

    /** {@code http://host:port} (IPv6 in brackets). */
    public URI httpUri() {
        return URI.create("http://" + this);
    }

    @Override
    public String toString() {
        return (isIpv6() ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public int compareTo(ServerAddress other) {
        int byHost = host.compareTo(other.host);
        return byHost != 0 ? byHost : Integer.compare(port, other.port);
    }

    private static void checkHost(String host) {
        if (host.indexOf(':') >= 0) {
            checkIpv6(host);
        } else if (IPV4.matcher(host).matches()) {
            for (String octet : host.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw new IllegalArgumentException("'" + host + "' is not an IPv4 address (octet > 255)");
                }
            }
        } else {
            checkDnsName(host);
        }
    }

    private static void checkDnsName(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty() || name.length() > 253) {
            throw new IllegalArgumentException("'" + host + "' is not a valid host name (length)");
        }
        for (String label : name.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("'" + host + "' is not a valid host name: label '" + label
                        + "' must be 1-63 letters, digits or inner hyphens");
            }
        }
        if (name.matches("[0-9.]+")) {
            throw new IllegalArgumentException("'" + host + "' is neither an IPv4 address nor a host name");
        }
    }

    private static void checkIpv6(String host) {
        if (!IPV6_CHARS.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + host + "' is not an IPv6 address");
        }
        try {
            // A literal containing ':' is parsed, never looked up in DNS.
            if (!(InetAddress.getByName(host) instanceof Inet6Address)) {
                throw new IllegalArgumentException("'" + host + "' is not an IPv6 address");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + host + "' is not an IPv6 address");
        }
    }
}
