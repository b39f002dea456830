package net.p2pnet.cli.agent;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import net.p2pnet.cli.ProgressBar;
import net.p2pnet.cli.Sizes;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.api.SourceView;

/** A download as {@code agent status} and the download subcommands print it: one line, then error and sources. */
final class DownloadLines {

    private static final int BAR_WIDTH = 30;

    private DownloadLines() {
    }

    /** With {@code bars}, progress is drawn as a bar (on a terminal), else as a percentage. */
    static void print(DownloadView d, boolean bars, PrintWriter out) {
        String progress = bars ? ProgressBar.render(d.verifiedBytes(), d.size(), BAR_WIDTH)
                : String.format("%5.1f%%", d.size() <= 0 ? 0 : 100.0 * d.verifiedBytes() / d.size());
        out.printf("%s  %-11s %s %s/%s %s/s  %s%n", d.id(), d.state(), progress, Sizes.compact(d.verifiedBytes()),
                Sizes.compact(d.size()), Sizes.compact(d.downloadRate()), d.name());
        if (d.error() != null) {
            out.printf("    error: %s%n", d.error());
        }
        String sources = sourcesByNetwork(d);
        if (!sources.isEmpty()) {
            out.printf("    sources: %s%n", sources);
        }
    }

    /** "2 p2pnet, 1 bittorrent (1 banned)": the sources in use, by network. */
    static String sourcesByNetwork(DownloadView d) {
        Map<String, Integer> byNetwork = new TreeMap<>();
        int banned = 0;
        for (SourceView source : d.sources()) {
            if (source.banned()) {
                banned++;
            } else {
                byNetwork.merge(source.network(), 1, Integer::sum);
            }
        }
        StringBuilder text = new StringBuilder();
        byNetwork.forEach((network, count) -> text.append(text.isEmpty() ? "" : ", ").append(count).append(' ')
                .append(network));
        if (banned > 0) {
            text.append(text.isEmpty() ? "" : " ").append('(').append(banned).append(" banned)");
        }
        return text.toString();
    }
}
