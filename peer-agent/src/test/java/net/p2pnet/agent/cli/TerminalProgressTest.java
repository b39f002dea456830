package net.p2pnet.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import net.p2pnet.model.torrent.TorrentWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void redrawsOnlyWhenThePercentageChangesAndEndsTheLine() {
        StringWriter err = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(err));
        long total = 200L << 20;

        for (long done = 1 << 20; done <= total; done += 1 << 20) {
            progress.hashed(done, total);
        }

        String shown = err.toString();
        assertThat(shown.split("\r")).hasSize(1 + 101); // empty head, then one redraw for each percent 0..100
        assertThat(shown).endsWith("\rhashing 100% (200 of 200 MiB)" + System.lineSeparator());
    }

    @Test
    void smallInputsOrNoTerminalShowNothing() {
        StringWriter err = new StringWriter();

        TorrentWriter.Progress progress = TerminalProgress.forInput(1 << 20, new PrintWriter(err));

        assertThat(progress).isSameAs(TorrentWriter.Progress.NONE);
    }
}
