package net.p2pnet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A quick check, without running anything, that the dashboard and alerts name meters and tags the
 * services' sources declare; {@link LocalNetworkDemoTest} checks the same against a live Prometheus.
 */
class MonitoringReferencesTest {

    private static final Path ROOT = ExternalCommand.repositoryRoot();

    @Test
    void everyMetricAndLabelUsedIsDeclaredWhereTheMeterIsBuilt() throws IOException {
        List<String> sources = mainSources();
        List<MonitoringReferences> references = MonitoringReferences.of(ROOT);
        assertThat(references).hasSizeGreaterThan(15);
        for (MonitoringReferences reference : references) {
            List<String> declaring = new ArrayList<>();
            for (String metric : reference.metrics()) {
                String meter = '"' + meterName(metric) + '"';
                List<String> files = sources.stream().filter(source -> source.contains(meter)).toList();
                assertThat(files).as("%s: no source builds meter %s", reference.source(), meter).isNotEmpty();
                declaring.addAll(files);
            }
            for (String label : reference.labels()) {
                assertThat(declaring).as("%s: no source of %s tags '%s'", reference.source(), reference.metrics(), label)
                        .anyMatch(source -> source.contains('"' + label + '"'));
            }
        }
    }

    @Test
    void theDashboardPlotsCountersAsRatesNeverRaw() throws IOException {
        for (MonitoringReferences reference : MonitoringReferences.of(ROOT)) {
            for (String metric : reference.metrics()) {
                if (metric.endsWith("_total") || metric.endsWith("_bucket")) {
                    assertThat(reference.expression()).as("%s plots counter %s", reference.source(), metric)
                            .containsAnyOf("rate(" + metric, "increase(" + metric);
                }
            }
        }
    }

    @Test
    void alertExpressionsSpanningSeveralLinesAreReadWhole() {
        List<String> expressions = MonitoringReferences.alertExpressions(List.of(
                "      - alert: A", "        expr: sum by (instance) (x)", "          and on (instance) y > 0",
                "        for: 5m", "      - alert: B", "        expr: up == 0"));
        assertThat(expressions).containsExactly("sum by (instance) (x) and on (instance) y > 0", "up == 0");
        assertThat(MonitoringReferences.parse("t", "max by (home) (p2pnet_rendezvous_peers{state=\"x\"})").labels())
                .containsExactly("home", "state");
    }

    /** p2pnet_agent_pieces_verified_total is the meter "p2pnet.agent.pieces.verified". */
    private static String meterName(String metric) {
        String name = metric.replaceAll("_(bucket|count|sum|max)$", "").replaceAll("_total$", "")
                .replaceAll("_seconds$", "");
        return name.replace('_', '.');
    }

    private static List<String> mainSources() throws IOException {
        List<String> sources = new ArrayList<>();
        for (String module : List.of("rendezvous-server", "tracker-service", "chatroom-service", "peer-agent")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    sources.add(Files.readString(file));
                }
            }
        }
        return sources;
    }
}
