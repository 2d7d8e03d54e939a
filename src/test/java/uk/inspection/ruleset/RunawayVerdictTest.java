package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import uk.inspection.engine.BuildLimits;
import uk.inspection.decision.DecisionKinds;
import uk.inspection.decision.DecisionPipeline;
import uk.inspection.oversight.AssessmentKind;
import uk.inspection.oversight.OversightRequest;
import uk.inspection.oversight.OversightResponse;
import uk.inspection.problem.Decision;
import uk.inspection.problem.ProblemType;
import uk.inspection.problem.RequestLimits;
import uk.inspection.problem.StrictJson;
import uk.inspection.support.OnceRunaway;
import uk.inspection.support.RulesHomeCopy;

/**
 * One runaway verdict changes nothing: the request is decided once more, and the version
 * is withdrawn only when its rules run away again. Real Drools sessions over the shipped
 * oversight rules and a rule that loops for real ({@code runaway/custody-loop.drl}); the
 * one-off verdict is {@link OnceRunaway}'s, so nothing here depends on timing.
 */
class RunawayVerdictTest {

    private static final String FRAMEWORK = "yjb-oversight";

    private static final AssessmentKind ASSESSMENT = DecisionKinds.installed().of(AssessmentKind.class);

    @Test
    void aVerdictTheSecondEvaluationDoesNotConfirmIsA503NamingTheRuleAndWithdrawsNothing(@TempDir Path temp)
            throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp);
        Withdrawals withdrawals = new Withdrawals();
        RuleSetRegistry registry = registry(copy.home(), withdrawals);
        RuleSet serving = registry.serving(FRAMEWORK).orElseThrow();
        RuleSet coldFirst = OnceRunaway.of(serving, copy.home());
        OversightRequest request = request(fixtureRequest());

        Decision<OversightResponse> decision = registry.decide(coldFirst,
                () -> DecisionPipeline.decide(ASSESSMENT, coldFirst, request, RequestLimits.DEFAULTS));

        assertThat(OnceRunaway.evaluations(coldFirst)).isEqualTo(2);
        Decision.Refused<OversightResponse> refused = (Decision.Refused<OversightResponse>) decision;
        assertThat(refused.failure().type()).isEqualTo(ProblemType.RULE_SET_DEFECT);
        assertThat(refused.failure().culprit().rule()).isNotBlank();
        assertThat(refused.failure().detail()).contains(FRAMEWORK, refused.failure().culprit().rule(),
                serving.version() + " is not withdrawn");
        assertThat(withdrawals.of(FRAMEWORK)).isEmpty();
        assertThat(registry.lookup(FRAMEWORK, Manifest.Kind.OVERSIGHT, VersionWanted.IN_FORCE_NOW))
            .isEqualTo(Decision.decided(serving));
    }

    @Test
    void rulesThatLoopForRealAreWithdrawnOnlyAfterTheyRunAwayAgain(@TempDir Path temp) throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp);
        Files.copy(Path.of("src/test/resources/runaway/custody-loop.drl"),
                copy.file("rules/yjb-oversight/custody-loop.drl"));
        Withdrawals withdrawals = new Withdrawals();
        RuleSetRegistry registry = registry(copy.home(), withdrawals);
        RuleSet looping = registry.serving(FRAMEWORK).orElseThrow();
        ObjectNode trigger = fixtureRequest();
        ((ObjectNode) trigger.at("/metrics/CUSTODY")).put("nationalPercentile", 42.5);
        OversightRequest request = request(trigger);
        AtomicInteger evaluations = new AtomicInteger();

        Decision<OversightResponse> decision = registry.decide(looping, () -> {
            assertThat(withdrawals.of(FRAMEWORK)).as("withdrawn before evaluation %d", evaluations.get() + 1).isEmpty();
            evaluations.incrementAndGet();
            return DecisionPipeline.decide(ASSESSMENT, looping, request, RequestLimits.DEFAULTS);
        });

        assertThat(evaluations).hasValue(2);
        Decision.Refused<OversightResponse> refused = (Decision.Refused<OversightResponse>) decision;
        assertThat(refused.failure().detail()).contains("KPI: look again at a custody percentile of 42.5",
                "rules/yjb-oversight/custody-loop.drl:", looping.version() + " is withdrawn",
                FRAMEWORK + " answers 503 until a fix or a rollback is published");
        assertThat(withdrawals.of(FRAMEWORK)).extracting(Withdrawals.Withdrawal::rulesetVersion)
            .containsExactly(looping.version());
        Decision.Refused<RuleSet> unavailable = (Decision.Refused<RuleSet>) registry.lookup(FRAMEWORK,
                Manifest.Kind.OVERSIGHT, VersionWanted.IN_FORCE_NOW);
        assertThat(unavailable.failure().type()).isEqualTo(ProblemType.RULE_SET_UNAVAILABLE);
    }

    @Test
    void aRuleSetIsWarmedUpWithItsFixturesBeforeItServes(@TempDir Path temp) throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp);
        Path fixtures = copy.file("fixtures/" + FRAMEWORK);
        Files.createDirectories(fixtures);
        Files.copy(Path.of("fixtures", FRAMEWORK, "quadrant-1-all-six-criteria-strong.json"),
                fixtures.resolve("quadrant-1-all-six-criteria-strong.json"));
        AtomicReference<RuleSetRegistry> registry = new AtomicReference<>();
        Map<String, String> servingWhenWarmed = new ConcurrentHashMap<>();
        Map<String, List<String>> warmedWith = new ConcurrentHashMap<>();
        RuleSetWarmUp recording = (ruleSet, files) -> {
            warmedWith.put(ruleSet.version(), files.stream().map(RuleFile::path).toList());
            if (registry.get() != null) {
                servingWhenWarmed.put(ruleSet.version(),
                        registry.get().serving(ruleSet.id()).map(RuleSet::version).orElse("none"));
            }
        };
        registry.set(registry(copy.home(), new Withdrawals(), recording));
        String before = registry.get().serving(FRAMEWORK).orElseThrow().version();
        Files.writeString(copy.file("rules/yjb-oversight/kpis.drl"), "\n// edited\n", StandardOpenOption.APPEND);

        registry.get().load(FRAMEWORK);

        String after = registry.get().serving(FRAMEWORK).orElseThrow().version();
        assertThat(after).isNotEqualTo(before);
        assertThat(warmedWith).containsEntry(before,
                List.of("fixtures/yjb-oversight/quadrant-1-all-six-criteria-strong.json"));
        assertThat(warmedWith).containsEntry(after,
                List.of("fixtures/yjb-oversight/quadrant-1-all-six-criteria-strong.json"));
        assertThat(servingWhenWarmed).as("what served while the new version was warmed up")
            .containsEntry(after, before);
    }

    private static RuleSetRegistry registry(Path home, Withdrawals withdrawals) {
        return registry(home, withdrawals, (ruleSet, fixtures) -> {
        });
    }

    private static RuleSetRegistry registry(Path home, Withdrawals withdrawals, RuleSetWarmUp warmUp) {
        RulesProperties properties = new RulesProperties(home.toString(), RulesProperties.Mode.DEVELOPMENT, false, null,
                null, null, null, null, null, null, null);
        RuleSetRegistry registry = new RuleSetRegistry(() -> new FolderSnapshot(home), properties,
                new RuleSetBuilds(Duration.ofMinutes(2), 1, 4, BuildLimits.DEFAULTS), List.of(), withdrawals, warmUp,
                Clock.systemUTC(), new SimpleMeterRegistry());
        registry.awaitFirstBuilds();
        return registry;
    }

    private static OversightRequest request(ObjectNode json) throws Exception {
        return StrictJson.mapper().treeToValue(json, OversightRequest.class);
    }

    private static ObjectNode fixtureRequest() throws Exception {
        return (ObjectNode) StrictJson.mapper()
            .readTree(Path.of("fixtures", FRAMEWORK, "quadrant-1-all-six-criteria-strong.json").toFile())
            .get("request");
    }

}
