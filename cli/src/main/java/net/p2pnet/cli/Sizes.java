package net.p2pnet.cli;

import java.util.Locale;

/** Byte counts for people, in binary units: {@code 1.0 MiB}, or exactly: {@code 1048576 bytes (1.0 MiB)}. */
public final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    /** A short form for tables and progress lines: {@code 512 B}, {@code 1.5 MiB}. */
    public static String compact(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** The exact count with its approximation: {@code 1 byte}, {@code 1048576 bytes (1.0 MiB)}. */
    public static String describe(long bytes) {
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        return bytes + " bytes (" + compact(bytes) + ")";
    }
}
