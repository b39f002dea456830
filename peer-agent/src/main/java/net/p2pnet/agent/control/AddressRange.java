package net.p2pnet.agent.control;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One entry of {@code p2pnet.agent.control.allowed-addresses}: an IP address or a CIDR range
 * ({@code 10.0.0.0/8}, {@code fd00::/8}). Written by hand because the only library matcher
 * (Spring Security's IpAddressMatcher) would pull the whole security stack in for ten lines.
 */
record AddressRange(byte[] network, int prefixBits) {

    static AddressRange parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        if (!host.matches("[0-9a-fA-F:.]+")) {
            // never resolve names here: an allow-list entry must not depend on DNS
            throw new IllegalArgumentException("allowed address '" + text + "' is not an IP address or CIDR range");
        }
        byte[] address;
        try {
            address = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("allowed address '" + text + "' is not an IP address", e);
        }
        int bits = address.length * 8;
        if (slash >= 0) {
            String prefix = s.substring(slash + 1);
            if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
                throw new IllegalArgumentException("allowed address '" + text + "': prefix must be 0-" + bits);
            }
            bits = Integer.parseInt(prefix);
        }
        return new AddressRange(address, bits);
    }

    boolean contains(InetAddress candidate) {
        byte[] other = candidate.getAddress();
        if (other.length != network.length) {
            return false;
        }
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (other[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (other[full] & mask) == (network[full] & mask);
    }
}
