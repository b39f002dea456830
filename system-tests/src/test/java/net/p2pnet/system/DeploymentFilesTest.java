package net.p2pnet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.p2pnet.cli.ReferenceTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files are checked by the tools that will read them (docker-compose and promtool) and
 * against what running them needs: memory limits, shutdown time, writable state, start order.
 */
@Tag("interop")
class DeploymentFilesTest {

    private static final Duration LIMIT = Duration.ofMinutes(1);
    /** spring.lifecycle.timeout-per-shutdown-phase: Spring Boot's default, which no service changes. */
    private static final Duration SPRING_SHUTDOWN_PHASE = Duration.ofSeconds(30);
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
    void composeServicesHaveMemoryLimitsAndAStopGracePeriodLongerThanSpringsGracefulShutdown(@TempDir Path tmp)
            throws Exception {
        Map<String, Map<String, Object>> services = composeServices(tmp);
        for (String name : List.of("rendezvous-1", "rendezvous-2", "tracker", "chatroom", "agent-1", "agent-2",
                "agent-3", "postgres", "prometheus", "grafana")) {
            assertThat(path(services.get(name), "deploy", "resources", "limits", "memory")).as("memory limit of " + name)
                    .isNotNull();
        }
        for (String name : List.of("rendezvous-1", "rendezvous-2", "tracker", "chatroom", "agent-1", "agent-2", "agent-3")) {
            Object grace = services.get(name).get("stop_grace_period");
            assertThat(grace).as("stop_grace_period of " + name).isNotNull();
            assertThat(Duration.parse("PT" + grace.toString().toUpperCase(java.util.Locale.ROOT)))
                    .as("stop_grace_period of %s against Spring's 30 s graceful shutdown", name)
                    .isGreaterThan(SPRING_SHUTDOWN_PHASE);
        }
    }

    @Test
    void composeMountsNoTrackedFileWritableAndKeepsTheServersFilesInTheStateVolume(@TempDir Path tmp) throws Exception {
        Map<String, Map<String, Object>> services = composeServices(tmp);
        services.forEach((name, service) -> {
            for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
                String mount = volume.toString();
                if (mount.startsWith(root.toString())) {
                    assertThat(mount).as("%s mounts a file of the repository writable", name).endsWith(":ro");
                }
            }
        });
        for (String name : List.of("rendezvous-1", "rendezvous-2")) {
            Map<?, ?> environment = (Map<?, ?>) services.get(name).get("environment");
            String serversFile = environment.get("P2PNET_RENDEZVOUS_SERVERS_FILE").toString();
            assertThat(serversFile).as(name + "'s SERVERS file is in its state volume").startsWith("/var/lib/p2pnet/");
            assertThat((List<?>) services.get(name).get("volumes")).as(name + "'s state volume")
                    .anySatisfy(v -> assertThat(v.toString()).matches(name + "-data:/var/lib/p2pnet(:rw)?"));
            assertThat(String.join(" ", ((List<?>) services.get(name).get("entrypoint")).stream().map(Object::toString)
                    .toList())).as(name + " seeds its SERVERS file from the read-only copy")
                    .contains("cp /etc/p2pnet/SERVERS.seed " + serversFile);
        }
    }

    @Test
    void composeAgentsStartAfterEveryServiceTheyUseIsHealthy(@TempDir Path tmp) throws Exception {
        Map<String, Map<String, Object>> services = composeServices(tmp);
        for (String agent : List.of("agent-1", "agent-2", "agent-3")) {
            Map<?, ?> dependsOn = (Map<?, ?>) services.get(agent).get("depends_on");
            assertThat(dependsOn).as(agent + " depends_on").isNotNull();
            for (String needed : List.of("rendezvous-1", "rendezvous-2", "tracker", "chatroom")) {
                assertThat(path(services.get(agent), "depends_on", needed, "condition")).as(agent + " waits for " + needed)
                        .isEqualTo("service_healthy");
            }
            Map<?, ?> environment = (Map<?, ?>) services.get(agent).get("environment");
            assertThat(environment.get("MANAGEMENT_SERVER_PORT")).as(agent + "'s management port, which Prometheus"
                    + " scrapes").hasToString("9790");
        }
        assertThat(Files.readString(root.resolve("deploy/prometheus/prometheus.yml")))
                .contains("\"agent-1:9790\", \"agent-2:9790\", \"agent-3:9790\"");
    }

    @Test
    void systemdUnitsAreHardenedUseJava21AndKeepSecretsReadOnly() throws Exception {
        assumeTrue(ExternalCommand.run(root, LIMIT, List.of("sh", "-c", "command -v systemd-analyze")).exitCode() == 0,
                "systemd-analyze is not installed");
        List<Path> units;
        try (var files = Files.list(root.resolve("deploy/systemd"))) {
            units = files.filter(f -> f.toString().endsWith(".service")).sorted().toList();
        }
        assertThat(units).hasSize(4);
        for (Path unit : units) {
            ExternalCommand security = ExternalCommand.run(root, LIMIT,
                    List.of("systemd-analyze", "security", "--offline=true", unit.toString()));
            java.util.regex.Matcher score = java.util.regex.Pattern.compile("Overall exposure level for \\S+: ([0-9.]+)")
                    .matcher(security.output());
            assertThat(score.find()).as(security.output()).isTrue();
            assertThat(Double.parseDouble(score.group(1))).as("systemd-analyze security of " + unit.getFileName())
                    .isLessThan(4.0);
            String text = Files.readString(unit);
            assertThat(text).as(unit + " runs Java 21+, not Debian 12's /usr/bin/java (17)")
                    .doesNotContain("ExecStart=/usr/bin/java").contains("ExecStart=/opt/p2pnet/java/bin/java");
            assertThat(text.lines().filter(l -> l.startsWith("ReadWritePaths=")).toList())
                    .as(unit + ": the secrets in /etc/p2pnet are not writable").noneMatch(l -> l.contains("/etc"));
        }
        assertThat(Files.readString(root.resolve("deploy/systemd/p2pnet.sysusers.conf"))).contains("u p2pnet ");
    }

    /** docker-compose's normalised view of the file (anchors and merges resolved), with the example .env. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> composeServices(Path tmp) throws Exception {
        Path out = tmp.resolve("compose-config.yml");
        Process process = new ProcessBuilder("docker-compose", "--env-file", root.resolve(".env.example").toString(),
                "-f", "docker-compose.yml", "config").directory(root.toFile())
                .redirectOutput(out.toFile()).redirectError(tmp.resolve("compose-config.err").toFile()).start();
        assertThat(process.waitFor(LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(tmp.resolve("compose-config.err"))).isZero();
        Map<String, Object> config = new Yaml().load(Files.readString(out));
        return (Map<String, Map<String, Object>>) config.get("services");
    }

    private static Object path(Map<?, ?> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @Test
    void prometheusConfigAndAlertRulesPassPromtool() throws Exception {
        ExternalCommand config = ExternalCommand.run(root, LIMIT,
                List.of("promtool", "check", "config", "deploy/prometheus/prometheus.yml"));
        ExternalCommand rules = ExternalCommand.run(root, LIMIT,
                List.of("promtool", "check", "rules", "deploy/prometheus/alerts.yml"));

        ExternalCommand kubernetes = ExternalCommand.run(root, LIMIT,
                List.of("promtool", "check", "config", "deploy/prometheus/prometheus-kubernetes.yml"));

        assertThat(config.exitCode()).as(config.output()).isZero();
        assertThat(kubernetes.exitCode()).as(kubernetes.output()).isZero();
        assertThat(rules.exitCode()).as(rules.output()).isZero();
        assertThat(rules.output()).contains("4 rules found");
    }
}
