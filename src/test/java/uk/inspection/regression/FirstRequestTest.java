package uk.inspection.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.decision.DecisionKinds;
import uk.inspection.decision.DecisionPipeline;
import uk.inspection.engine.LoadProblem;
import uk.inspection.oversight.AssessmentKind;
import uk.inspection.oversight.OversightRequest;
import uk.inspection.oversight.OversightResponse;
import uk.inspection.problem.Decision;
import uk.inspection.problem.RequestLimits;
import uk.inspection.problem.StrictJson;
import uk.inspection.ruleset.FolderSnapshot;
import uk.inspection.ruleset.RuleFile;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.support.OnceRunaway;

/**
 * A JVM's first evaluation of a rule set is not taken for rules that run away. The
 * command line ({@code test}, {@code compare}, {@code generate-corpus}) decides every
 * request in-process: one that runs away once is decided once more rather than failing
 * the run; a check run before a rule set serves (or in a draft's review) does the same.
 * The service warms each rule set with its fixtures before it serves. A rule set whose
 * first evaluation runs away ({@link OnceRunaway}) stands for a cold JVM.
 */
class FirstRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFirstRequestThatRunsAwayOnceIsDecidedOnceMore() throws Exception {
        JsonNode fixture = JSON
            .readTree(Path.of("fixtures/yjb-oversight/quadrant-1-all-six-criteria-strong.json").toFile());
        RuleSet coldFirst = OnceRunaway.of(Path.of("."), "yjb-oversight");

        InProcessApi.Answer answer = new InProcessApi().answer(coldFirst, "assessments", fixture.get("request"));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(ExpectedMatcher.differences(fixture.at("/expected/body"), answer.body())).isEmpty();
        assertThat(OnceRunaway.evaluations(coldFirst)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "yj-2024", "yjb-oversight", "probation-follow-up" })
    void aCheckWhoseFirstEvaluationRunsAwayOnceDoesNotRefuseTheBuild(String framework) {
        RuleSet coldFirst = OnceRunaway.of(Path.of("."), framework);
        List<LoadProblem> problems = DecisionKinds.installed().check(coldFirst);

        assertThat(problems).isEmpty();
        assertThat(OnceRunaway.evaluations(coldFirst)).isGreaterThan(1);
    }

    @Test
    void aRuleSetWarmedUpWithItsFixturesDecidesItsFirstRequest() throws Exception {
        JsonNode fixture = JSON
            .readTree(Path.of("fixtures/yjb-oversight/quadrant-1-all-six-criteria-strong.json").toFile());
        RuleSet coldFirst = OnceRunaway.of(Path.of("."), "yjb-oversight");
        List<RuleFile> fixtures = new ArrayList<>(new FolderSnapshot(Path.of(".")).fixtures("yjb-oversight"));
        fixtures.add(new RuleFile("fixtures/yjb-oversight/unreadable.json", "{".getBytes(StandardCharsets.UTF_8)));

        new FixtureWarmUp(RequestLimits.DEFAULTS).warm(coldFirst, fixtures);
        int warmUp = OnceRunaway.evaluations(coldFirst);
        Decision<OversightResponse> first = DecisionPipeline.decide(DecisionKinds.installed().of(AssessmentKind.class),
                coldFirst, StrictJson.mapper().treeToValue(fixture.get("request"), OversightRequest.class),
                RequestLimits.DEFAULTS);

        assertThat(warmUp).isGreaterThanOrEqualTo(fixtures.size() - 1);
        assertThat(first).isInstanceOf(Decision.Decided.class);
    }

}
