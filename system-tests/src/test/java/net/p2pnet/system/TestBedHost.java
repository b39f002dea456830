package net.p2pnet.system;

import java.util.List;

/**
 * One host of a {@link TestBed}: a network namespace with its own address. {@code seenAs} is the
 * address other hosts see its connections come from: its own, or its NAT router's.
 */
record TestBedHost(String name, String namespace, String address, String seenAs) {

    /** The command prefix that runs a program on this host. */
    List<String> launcher() {
        return List.of("ip", "netns", "exec", namespace);
    }

    /** A p2pnet service on this host, bound to its address. */
    ServiceProcess.Placement placement(String healthToken) {
        return new ServiceProcess.Placement(launcher(), address, healthToken);
    }

    boolean behindNat() {
        return !address.equals(seenAs);
    }
}
