package net.p2pnet.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    @Test
    void assemblesNamedMultiLineEventsAndSkipsComments() {
        List<SseReader.Event> events = new ArrayList<>();
        SseReader reader = new SseReader(events::add);
        for (String line : List.of(": keep-alive", "id: 7", "event: message", "data: {\"a\":", "data: 1}", "",
                "data:plain", "", "retry: 100", "")) {
            reader.line(line);
        }
        assertThat(events).containsExactly(new SseReader.Event("7", "message", "{\"a\":\n1}"),
                new SseReader.Event("7", "message", "plain"));
        assertThat(reader.lastId()).isEqualTo("7");
    }

    @Test
    void blankLineWithoutDataDispatchesNothing() {
        List<SseReader.Event> events = new ArrayList<>();
        SseReader reader = new SseReader(events::add);
        reader.line("event: join");
        reader.line("");
        assertThat(events).isEmpty();
    }
}
