package net.p2pnet.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL expressions of the shipped Grafana dashboard and alert rules, with the {@code p2pnet_}
 * metrics and the labels each one uses (in {@code by (...)}, {@code on (...)} and matchers), so a test
 * can check them against what the services really export.
 */
record MonitoringReferences(String source, String expression, Set<String> metrics, Set<String> labels) {

    private static final Pattern METRIC = Pattern.compile("\\bp2pnet_[a-z0-9_]+");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring)\\s*\\(([^)]*)\\)");
    private static final Pattern MATCHERS = Pattern.compile("\\{([^}]*)}");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");
    /** Labels Prometheus adds to every scraped series, and the histogram bucket label. */
    private static final Set<String> TARGET_LABELS = Set.of("instance", "job", "le", "__name__");

    static List<MonitoringReferences> of(Path root) throws IOException {
        List<MonitoringReferences> all = new ArrayList<>();
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(Files.readString(root.resolve("deploy/grafana/dashboards/p2pnet-overview.json")));
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                all.add(parse("panel '" + panel.path("title").asString() + "'", target.path("expr").asString()));
            }
        }
        for (String expression : alertExpressions(Files.readAllLines(root.resolve("deploy/prometheus/alerts.yml")))) {
            all.add(parse("alerts.yml", expression));
        }
        return all;
    }

    static MonitoringReferences parse(String source, String expression) {
        Set<String> metrics = new LinkedHashSet<>();
        METRIC.matcher(expression).results().forEach(m -> metrics.add(m.group()));
        Set<String> labels = new LinkedHashSet<>();
        for (Matcher grouping = GROUPING.matcher(expression); grouping.find(); ) {
            for (String label : grouping.group(1).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.strip());
                }
            }
        }
        for (Matcher braces = MATCHERS.matcher(expression); braces.find(); ) {
            MATCHER_LABEL.matcher(braces.group(1)).results().forEach(m -> labels.add(m.group(1)));
        }
        labels.removeAll(TARGET_LABELS);
        return new MonitoringReferences(source, expression, metrics, labels);
    }

    /** The {@code expr:} values of a rules file, continuation lines included (the file has no block scalars). */
    static List<String> alertExpressions(List<String> lines) {
        List<String> expressions = new ArrayList<>();
        StringBuilder current = null;
        int indent = 0;
        for (String line : lines) {
            String stripped = line.strip();
            int lineIndent = line.length() - line.stripLeading().length();
            if (stripped.startsWith("expr:")) {
                current = new StringBuilder(stripped.substring("expr:".length()).strip());
                indent = lineIndent;
            } else if (current != null && lineIndent > indent && !stripped.isEmpty() && !stripped.startsWith("#")) {
                current.append(' ').append(stripped);
            } else if (current != null) {
                expressions.add(current.toString());
                current = null;
            }
        }
        if (current != null) {
            expressions.add(current.toString());
        }
        return expressions;
    }
}
