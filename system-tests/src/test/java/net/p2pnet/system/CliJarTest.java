package net.p2pnet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as users start it: the cli module's built jar with {@code java -jar} (its
 * libraries found through the manifest's class path), and through the {@code ./p2pnet} launcher.
 */
class CliJarTest {

    /** MD4("abc") from RFC 1320 and SHA-1("abc") from FIPS 180-1. */
    private static final String ED2K_ABC = "a448017aaf21d8525fc10ae87aa6729d";
    private static final String SHA1_ABC = "a9993e364706816aba3e25717850c26c9cd0d89d";
    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final Path ROOT = ExternalCommand.repositoryRoot();

    @TempDir
    Path dir;

    @Test
    void builtJarHashesAFileWithoutSpringOrAnAgent() throws Exception {
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        ExternalCommand hash = ExternalCommand.run(dir, LIMIT,
                List.of(java, "-jar", BuiltJar.of("cli").toString(), "hash", "--json", file.toString()));

        assertThat(hash.exitCode()).as(hash.output()).isZero();
        assertThat(hash.output()).contains("\"ed2k\":\"" + ED2K_ABC + "\"").contains("\"sha1\":\"" + SHA1_ABC + "\"")
                .doesNotContain("Spring");
    }

    @Test
    void launcherRunsTheCliJarAndRefusesBadUsageWithStatusTwo() throws Exception {
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc");
        BuiltJar.of("cli"); // the launcher would rebuild a stale jar itself; this test checks it finds a fresh one

        ExternalCommand hash = ExternalCommand.run(ROOT, LIMIT, List.of(ROOT.resolve("p2pnet").toString(), "hash",
                file.toString()));
        ExternalCommand usage = ExternalCommand.run(ROOT, LIMIT, List.of(ROOT.resolve("p2pnet").toString(), "hash"));

        assertThat(hash.exitCode()).as(hash.output()).isZero();
        assertThat(hash.output()).contains("ed2k    ed2k://|file|abc.txt|3|" + ED2K_ABC + "|/")
                .contains("sha1    " + SHA1_ABC).doesNotContain("building");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.output()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void theAgentJarRefusesACommandWordInsteadOfStartingADaemon() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        ExternalCommand agent = ExternalCommand.run(dir, LIMIT,
                List.of(java, "-jar", BuiltJar.of("peer-agent").toString(), "hash", "x"));

        assertThat(agent.exitCode()).isEqualTo(2);
        assertThat(agent.output()).contains("./p2pnet hash");
    }
}
