package net.p2pnet.cli;

/** A one-line text progress bar: {@code [#########...........]  45.0%}. */
public final class ProgressBar {

    private ProgressBar() {
    }

    public static String render(long done, long total, int width) {
        double fraction = total <= 0 ? 0 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + String.format("%5.1f%%", fraction * 100);
    }
}
