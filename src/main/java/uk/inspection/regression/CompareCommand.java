package uk.inspection.regression;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import uk.inspection.regression.Comparison.ComparedDecision;
import uk.inspection.regression.Comparison.Outcome;
import uk.inspection.regression.Comparison.SideReport;
import uk.inspection.ruleset.RuleSet;

@Command(name = "compare", description = "Runs every fixture's input through two rule sets and reports what changed.")
class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "HOME[:framework]")
    String baseline;

    @Option(names = "--candidate", required = true, paramLabel = "HOME[:framework]")
    String candidate;

    @Option(names = "--fixtures", required = true, paramLabel = "DIR")
    Path fixtures;

    @Option(names = "--report", paramLabel = "FILE.md", description = "write the Markdown report here (default: print it)")
    Path report;

    @Option(names = "--json", paramLabel = "FILE.json", description = "write the JSON report here")
    Path json;

    @Option(names = "--fail-on-change", description = "exit 1 when any decision changed")
    boolean failOnChange;

    @Override
    public Integer call() throws Exception {
        Side baselineSide = Side.parse(baseline);
        Side candidateSide = Side.parse(candidate);
        for (Side side : List.of(baselineSide, candidateSide)) {
            if (!Files.isDirectory(side.home().resolve("rules"))) {
                throw new ParameterException(spec.commandLine(), side.home() + " is not a rules home (no rules/ folder)");
            }
        }
        if (!Files.isDirectory(fixtures)) {
            throw new ParameterException(spec.commandLine(), "no fixtures folder " + fixtures);
        }
        LoadedRuleSets baselineRules = new LoadedRuleSets(baselineSide.home());
        LoadedRuleSets candidateRules = baselineSide.home().toAbsolutePath().normalize()
                .equals(candidateSide.home().toAbsolutePath().normalize()) ? baselineRules
                : new LoadedRuleSets(candidateSide.home());
        for (var pair : List.of(Map.entry(baselineSide, baselineRules), Map.entry(candidateSide, candidateRules))) {
            if (pair.getKey().framework() != null && pair.getValue().get(pair.getKey().framework()) == null) {
                throw new ParameterException(spec.commandLine(), pair.getValue().whyNot(pair.getKey().framework()));
            }
        }

        Comparison comparison = compare(baselineSide, baselineRules, candidateSide, candidateRules);
        String markdown = MarkdownReport.render(comparison, ratingOrder(baselineRules, candidateRules));
        PrintWriter out = spec.commandLine().getOut();
        if (report != null) {
            Files.writeString(report, markdown);
        } else {
            out.print(markdown);
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), comparison);
        }
        out.println(comparison.total() + " compared, " + comparison.changed() + " changed");
        out.flush();
        return failOnChange && comparison.changed() > 0 ? 1 : 0;
    }

    private Comparison compare(Side baselineSide, LoadedRuleSets baselineRules, Side candidateSide,
            LoadedRuleSets candidateRules) throws Exception {
        Decider decider = new Decider();
        List<ComparedDecision> decisions = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, Integer> transitions = new TreeMap<>();
        Map<String, String> baselineVersions = new TreeMap<>();
        Map<String, String> candidateVersions = new TreeMap<>();
        for (Fixture fixture : Fixture.under(fixtures)) {
            String bf = Optional.ofNullable(baselineSide.framework()).or(fixture::soleFramework).orElse(null);
            String cf = Optional.ofNullable(candidateSide.framework()).or(fixture::soleFramework).orElse(null);
            JsonNode bInput = bf == null ? null : fixture.input(bf).orElse(null);
            JsonNode cInput = cf == null ? null : fixture.input(cf).orElse(null);
            RuleSet bRules = bf == null ? null : baselineRules.get(bf);
            RuleSet cRules = cf == null ? null : candidateRules.get(cf);
            if (cInput == null && bInput != null && cRules != null && !bf.equals(cf)) {
                cInput = translated(cRules, bf, bInput);
            }
            if (bInput == null || cInput == null || bRules == null || cRules == null) {
                skipped.add(fixture.name() + ": " + skipReason(bf, cf, bInput, cInput, bRules, cRules, baselineRules,
                        candidateRules));
                continue;
            }
            baselineVersions.put(bf, bRules.version());
            candidateVersions.put(cf, cRules.version());
            Decider.Decision b = decider.decide(bRules, endpoint(fixture, bf), bInput);
            Decider.Decision c = decider.decide(cRules, endpoint(fixture, cf), cInput);
            List<DecisionDifferences.Difference> differences = DecisionDifferences.between(b, c, bf.equals(cf));
            // Only across frameworks can a standard lack evidence by design (victims, for a 2018 inspection).
            MissingEvidenceRange.Range range = bf.equals(cf) ? null
                    : MissingEvidenceRange.of(cRules, cInput, c, decider).orElse(null);
            Outcome bOutcome = outcome(bf, b);
            Outcome cOutcome = outcome(cf, c);
            // An overall left incomplete only for want of evidence is counted by the range it could take.
            String cLabel = range == null ? cOutcome.overall()
                    : range.lowest().equals(range.highest()) ? range.lowest() : range.lowest() + ".." + range.highest();
            transitions.merge(bOutcome.overall() + "->" + cLabel, 1, Integer::sum);
            decisions.add(new ComparedDecision(fixture.name(), bOutcome, cOutcome, !differences.isEmpty(),
                    differences, range));
        }
        int changed = (int) decisions.stream().filter(ComparedDecision::changed).count();
        return new Comparison(sideReport(baselineSide, baselineVersions), sideReport(candidateSide, candidateVersions),
                decisions.size(), changed, decisions, transitions, skipped.isEmpty() ? null : skipped);
    }

    /** Rating codes lowest first, from the scales of the frameworks compared. */
    private static List<String> ratingOrder(LoadedRuleSets... homes) {
        LinkedHashSet<String> order = new LinkedHashSet<>();
        for (LoadedRuleSets home : homes) {
            home.loaded().forEach(r -> r.manifest().ratingScale().forEach(step -> order.add(step.code())));
        }
        return List.copyOf(order);
    }

    /** The baseline's input re-expressed by the candidate's translation table from that framework, if it has one. */
    private static JsonNode translated(RuleSet candidate, String fromFramework, JsonNode input) {
        return candidate.translationFrom(fromFramework).map(table -> {
            try {
                return (JsonNode) CaseTranslator.translate(table, input);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).orElse(null);
    }

    private static String skipReason(String bf, String cf, JsonNode bInput, JsonNode cInput, RuleSet bRules,
            RuleSet cRules, LoadedRuleSets baselineRules, LoadedRuleSets candidateRules) {
        if (bf == null || cf == null) {
            return "a cross-framework fixture: name both frameworks (HOME:framework) to compare it";
        }
        if (bInput == null || cInput == null) {
            return "no input for " + (bInput == null ? bf : cf);
        }
        return bRules == null ? baselineRules.whyNot(bf) : candidateRules.whyNot(cf);
    }

    private static String endpoint(Fixture fixture, String framework) {
        Fixture.Check check = fixture.checks().get(framework);
        return check == null ? null : check.endpoint();
    }

    private static Outcome outcome(String framework, Decider.Decision decision) {
        if (decision.status() != 200) {
            return new Outcome(framework, decision.status(), "HTTP_" + decision.status(), null);
        }
        if (decision.body().has("quadrant")) {
            return new Outcome(framework, 200, "QUADRANT_" + decision.body().get("quadrant").asText(), null);
        }
        if (decision.body().has("summary")) {
            return new Outcome(framework, 200, "QUARTER", null);
        }
        JsonNode overall = decision.body().path("overall");
        String status = overall.path("status").asText();
        String label = "FINAL".equals(status) ? overall.path("rating").asText() : status;
        return new Outcome(framework, 200, label, overall.path("score").isInt() ? overall.get("score").asInt() : null);
    }

    private static SideReport sideReport(Side side, Map<String, String> versions) {
        String home = side.home().toAbsolutePath().normalize().toString();
        if (side.framework() != null || versions.size() == 1) {
            String framework = side.framework() != null ? side.framework() : versions.keySet().iterator().next();
            return new SideReport(home, framework, versions.get(framework), null);
        }
        return new SideReport(home, null, null, versions);
    }
}
