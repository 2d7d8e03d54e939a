package uk.inspection.regression;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import uk.inspection.ratings.facts.OverallStatus;
import uk.inspection.regression.Comparison.ComparedDecision;
import uk.inspection.regression.Comparison.Outcome;
import uk.inspection.regression.Comparison.SideReport;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.TranslationTable;

/**
 * Runs every fixture's input through two rule sets and says what changed: per fixture
 * each side's overall and the first differences (with the rule behind each side), the
 * transition matrix of overall ratings, and the fixtures that could not be compared with
 * the reason. Across frameworks, a fixture without an input for the candidate is
 * translated by the candidate's translation table from the baseline's framework, which
 * also says which standards are compared and which, having no counterpart, are explored
 * over their ratings.
 */
public final class FixtureComparison {

    private final Side baselineSide;

    private final LoadedRuleSets baselineRules;

    private final Side candidateSide;

    private final LoadedRuleSets candidateRules;

    private final InProcessApi api = new InProcessApi();

    public FixtureComparison(Side baselineSide, LoadedRuleSets baselineRules, Side candidateSide,
            LoadedRuleSets candidateRules) {
        this.baselineSide = baselineSide;
        this.baselineRules = baselineRules;
        this.candidateSide = candidateSide;
        this.candidateRules = candidateRules;
    }

    public Comparison over(Path fixtures) throws IOException {
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
            TranslationTable translation = bf == null || cRules == null || bf.equals(cf) ? null
                    : cRules.translationFrom(bf).orElse(null);
            if (cInput == null && bInput != null && translation != null) {
                cInput = translated(translation, cRules, bInput);
            }
            if (bInput == null || cInput == null || bRules == null || cRules == null) {
                skipped.add(fixture.name() + ": " + skipReason(bf, cf, bInput, cInput, bRules));
                continue;
            }
            baselineVersions.put(bf, bRules.version());
            candidateVersions.put(cf, cRules.version());
            ComparedDecision decision = compare(fixture, bf, bRules, bInput, cf, cRules, cInput, translation);
            decisions.add(decision);
            transitions.merge(decision.baseline().overall() + "->" + decision.candidate().overall(), 1, Integer::sum);
        }
        int changed = (int) decisions.stream().filter(ComparedDecision::changed).count();
        return new Comparison(sideReport(baselineSide, baselineRules, baselineVersions),
                sideReport(candidateSide, candidateRules, candidateVersions), decisions.size(), changed, decisions,
                transitions, skipped.isEmpty() ? null : skipped);
    }

    /**
     * One fixture through both sides. Across frameworks, a standard the translation
     * declares without counterpart is explored when the input has no evidence for it: the
     * candidate's overall is then the range it may take, and its other standards are read
     * from one of the explored decisions.
     */
    private ComparedDecision compare(Fixture fixture, String bf, RuleSet bRules, JsonNode bInput, String cf,
            RuleSet cRules, JsonNode cInput, TranslationTable translation) {
        InProcessApi.Answer b = api.answer(bRules, endpoint(fixture, bf), bInput);
        InProcessApi.Answer c = api.answer(cRules, endpoint(fixture, cf), cInput);
        if (bf.equals(cf)) {
            List<DecisionDifferences.Difference> differences = DecisionDifferences.between(b, c);
            return new ComparedDecision(fixture.name(), outcome(bf, b), outcome(cf, c), !differences.isEmpty(),
                    differences, null);
        }
        MissingEvidenceRange.Explored explored = translation == null ? null : explore(cRules, cInput, translation);
        MissingEvidenceRange.Range range = explored == null ? null : explored.range();
        InProcessApi.Answer compared = explored == null || c.status() == 200 ? c : explored.decision();
        List<DecisionDifferences.Difference> differences = DecisionDifferences.across(b, compared,
                translation == null ? Map.of() : translation.equivalents(), range);
        Outcome cOutcome = range == null ? outcome(cf, c) : new Outcome(cf, 200, range.label(), null);
        return new ComparedDecision(fixture.name(), outcome(bf, b), cOutcome, !differences.isEmpty(), differences,
                range);
    }

    /**
     * The range over the one standard the translation declares without counterpart that
     * the input has no evidence for; none when there is no such standard, or several.
     */
    private MissingEvidenceRange.Explored explore(RuleSet candidate, JsonNode input, TranslationTable translation) {
        List<MissingEvidenceRange.Explored> explored = translation.explored()
            .stream()
            .map(code -> MissingEvidenceRange.of(candidate, input, code, api))
            .flatMap(Optional::stream)
            .toList();
        return explored.size() == 1 ? explored.get(0) : null;
    }

    /** Rating codes lowest first, from the scales of the frameworks compared. */
    public List<String> ratingOrder() {
        LinkedHashSet<String> order = new LinkedHashSet<>();
        for (LoadedRuleSets home : List.of(baselineRules, candidateRules)) {
            home.loaded().forEach(r -> r.manifest().ratingScale().forEach(step -> order.add(step.code())));
        }
        return List.copyOf(order);
    }

    /**
     * The baseline's input re-expressed by the candidate's translation table from that
     * framework; null when it cannot be (consolidated counts).
     */
    private static JsonNode translated(TranslationTable translation, RuleSet candidate, JsonNode input) {
        try {
            return CaseTranslator.translate(translation, candidate.manifest(), input);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String skipReason(String bf, String cf, JsonNode bInput, JsonNode cInput, RuleSet bRules) {
        if (bf == null || cf == null) {
            return "a cross-framework fixture: name both frameworks (HOME:framework) to compare it";
        }
        if (bInput == null || cInput == null) {
            return "no input for " + (bInput == null ? bf : cf);
        }
        return bRules == null ? "baseline: " + baselineRules.whyNot(bf) : "candidate: " + candidateRules.whyNot(cf);
    }

    private static String endpoint(Fixture fixture, String framework) {
        Fixture.Check check = fixture.checks().get(framework);
        return check == null ? null : check.endpoint();
    }

    private static Outcome outcome(String framework, InProcessApi.Answer answer) {
        if (answer.status() != 200) {
            return new Outcome(framework, answer.status(), "HTTP_" + answer.status(), null);
        }
        if (answer.body().has("quadrant")) {
            return new Outcome(framework, 200, "QUADRANT_" + answer.body().get("quadrant").asText(), null);
        }
        if (answer.body().has("summary")) {
            return new Outcome(framework, 200, "QUARTER", null);
        }
        if (answer.body().has("actionPlan")) {
            return new Outcome(framework, 200, "ACTION_PLAN_BY_" + answer.body().at("/actionPlan/preparedBy").asText(),
                    null);
        }
        JsonNode overall = answer.body().path("overall");
        String status = overall.path("status").asText();
        String label = OverallStatus.FINAL.name().equals(status) ? overall.path("rating").asText() : status;
        return new Outcome(framework, 200, label, overall.path("score").isInt() ? overall.get("score").asInt() : null);
    }

    private static SideReport sideReport(Side side, LoadedRuleSets rules, Map<String, String> versions) {
        String home = side.home().toAbsolutePath().normalize().toString();
        if (side.framework() != null) {
            RuleSet named = rules.get(side.framework());
            return new SideReport(home, side.framework(), named == null ? null : named.version(), null);
        }
        if (versions.size() == 1) {
            String framework = versions.keySet().iterator().next();
            return new SideReport(home, framework, versions.get(framework), null);
        }
        return new SideReport(home, null, null, versions);
    }

}
