package net.p2pnet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.p2pnet.cli.ReferenceTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployment files are checked by the tools that will read them: docker-compose and promtool. */
@Tag("interop")
class DeploymentFilesTest {

    private static final Duration LIMIT = Duration.ofMinutes(1);
    private final Path root = ExternalCommand.repositoryRoot();

    @BeforeAll
    static void toolsInstalled() {
        ReferenceTools.assumeInstalled("docker-compose", "promtool");
    }

    @Test
    void composeFileIsValidWithTheExampleEnvironment(@TempDir Path tmp) throws Exception {
        Path env = tmp.resolve("example.env");
        Files.copy(root.resolve(".env.example"), env);

        ExternalCommand result = ExternalCommand.run(root, LIMIT,
                List.of("docker-compose", "--env-file", env.toString(), "-f", "docker-compose.yml", "config", "-q"));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void composeRefusesToStartWithoutSecretsAndSaysWhichOne(@TempDir Path tmp) throws Exception {
        Path env = tmp.resolve("empty.env");
        Files.writeString(env, "# nothing set\n");

        ExternalCommand result = ExternalCommand.run(root, LIMIT,
                List.of("docker-compose", "--env-file", env.toString(), "-f", "docker-compose.yml", "config", "-q"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("in .env");
    }

    @Test
    void prometheusConfigAndAlertRulesPassPromtool() throws Exception {
        ExternalCommand config = ExternalCommand.run(root, LIMIT,
                List.of("promtool", "check", "config", "deploy/prometheus/prometheus.yml"));
        ExternalCommand rules = ExternalCommand.run(root, LIMIT,
                List.of("promtool", "check", "rules", "deploy/prometheus/alerts.yml"));

        assertThat(config.exitCode()).as(config.output()).isZero();
        assertThat(rules.exitCode()).as(rules.output()).isZero();
        assertThat(rules.output()).contains("4 rules found");
    }
}
