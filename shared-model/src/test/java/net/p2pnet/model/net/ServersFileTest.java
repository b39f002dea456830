package net.p2pnet.model.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServersFileTest {

    @TempDir
    Path dir;

    @Test
    void commentsBlankLinesAndDuplicatesAreIgnored() throws Exception {
        Path file = dir.resolve("SERVERS");
        Files.writeString(file, """
                # HeavyMole servers of the office network
                rdv1.example.org:8700

                   127.0.0.1:8701   # the one under the desk
                [::1]:8702
                rdv1.example.org:8700
                """);
        ServersFile.Parsed parsed = ServersFile.read(file);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.orThrow("SERVERS")).containsExactly(ServerAddress.parse("rdv1.example.org:8700"),
                ServerAddress.parse("127.0.0.1:8701"), ServerAddress.parse("[::1]:8702"));
    }

    @Test
    void malformedLinesAreReportedWithTheirLineNumbers() {
        ServersFile.Parsed parsed = ServersFile.parse("ok.example:1\nno-port\n\n# fine\nhost:70000\r\n[::1]:2\n");
        assertThat(parsed.servers()).hasSize(2);
        assertThat(parsed.errors()).extracting(ServersFile.LineError::lineNumber).containsExactly(2, 5);
        assertThatThrownBy(() -> parsed.orThrow("/etc/p2pnet/SERVERS"))
                .isInstanceOf(ServersFileException.class)
                .hasMessageContaining("/etc/p2pnet/SERVERS: 2 malformed line(s)")
                .hasMessageContaining("line 2: 'no-port' has no port")
                .hasMessageContaining("line 5: port 70000 is outside 1-65535");
    }

    @Test
    void aMissingFileIsAnEmptyList() throws Exception {
        assertThat(ServersFile.read(dir.resolve("absent")).servers()).isEmpty();
    }

    @Test
    void writingReplacesTheFileAtomicallyAndReadsBack() throws Exception {
        Path file = dir.resolve("conf/SERVERS");
        List<ServerAddress> servers = List.of(ServerAddress.parse("a.example:8700"), ServerAddress.parse("[::1]:8701"));
        ServersFile.write(file, servers, List.of("written by rendezvous-server", "edit\nfreely"));
        ServersFile.write(file, servers.subList(0, 1), List.of("second version"));
        String content = Files.readString(file);
        assertThat(content).startsWith("# second version\n").doesNotContain("[::1]");
        assertThat(ServersFile.read(file).orThrow("SERVERS")).containsExactly(servers.get(0));
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temp file left behind
        }
        ServersFile.write(file, servers, List.of("edit\nfreely"));
        assertThat(Files.readString(file)).startsWith("# edit freely\n");
    }
}
