package net.p2pnet.agent.cli;

import java.util.Locale;

/** Byte counts for people: exact bytes plus a binary-unit approximation, e.g. {@code 1048576 bytes (1.0 MiB)}. */
final class Sizes {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    static String describe(long bytes) {
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%d bytes (%.1f %s)", bytes, value, UNITS[unit]);
    }
}
