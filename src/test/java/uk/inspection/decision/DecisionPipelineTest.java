package uk.inspection.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.inspection.followup.FollowUpKind;
import uk.inspection.oversight.AssessmentKind;
import uk.inspection.oversight.OversightRequest;
import uk.inspection.oversight.QuarterKind;
import uk.inspection.oversight.QuarterRequest;
import uk.inspection.oversight.QuarterResponse;
import uk.inspection.problem.Decision;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.ProblemType;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ratings.RatingKind;
import uk.inspection.ruleset.LoadResult;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetLoader;

/**
 * The one pipeline and the registry it is read through, with the shipped oversight rules
 * (real Drools): a quarter is refused with every service's rejected fields, each named
 * under its service; limits are refused before any field is looked at; each kind is found
 * by the names fixtures and records give it.
 */
class DecisionPipelineTest {

    private static final DecisionKinds KINDS = DecisionKinds.installed();

    private static RuleSet oversight;

    @BeforeAll
    static void build() {
        oversight = ((LoadResult.Loaded) new RuleSetLoader(Clock.systemUTC()).load(Path.of("."), "yjb-oversight"))
            .ruleSet();
    }

    @Test
    void aQuarterIsRefusedWithTheFieldsTheRulesRejectedInEveryService() {
        QuarterRequest quarter = new QuarterRequest("2025-Q2",
                List.of(service("Chatton YJS", "G&L5"), service("Dunmore YJS", null), service("Elmsby YJS", "G&L9")));

        Decision<QuarterResponse> decision = DecisionPipeline.decide(KINDS.of(QuarterKind.class), oversight, quarter,
                RequestLimits.DEFAULTS);

        Decision.Refused<QuarterResponse> refused = (Decision.Refused<QuarterResponse>) decision;
        assertThat(refused.failure().type()).isEqualTo(ProblemType.INVALID_FACTS);
        assertThat(refused.failure().errors()).extracting(FieldProblem::field)
            .containsExactly("services[0].grantConditions.G&L5", "services[2].grantConditions.G&L9");
    }

    @Test
    void aQuarterWithinItsRulesIsDecidedForEveryService() {
        QuarterRequest quarter = new QuarterRequest("2025-Q2",
                List.of(service("Chatton YJS", null), service("Dunmore YJS", null)));

        QuarterResponse response = DecisionPipeline
            .decide(KINDS.of(QuarterKind.class), oversight, quarter, RequestLimits.DEFAULTS)
            .orElseThrow();

        assertThat(response.results()).extracting(r -> r.service()).containsExactly("Chatton YJS", "Dunmore YJS");
        assertThat(response.summary().services()).isEqualTo(2);
    }

    @Test
    void tooManyServicesAreRefusedBeforeAnyFieldIsChecked() {
        // The second service's unknown grant condition is never reached: the count is
        // refused first.
        QuarterRequest quarter = new QuarterRequest("2025-Q2",
                List.of(service("Chatton YJS", null), service("Dunmore YJS", "G&L5")));

        Decision<QuarterResponse> decision = DecisionPipeline.decide(KINDS.of(QuarterKind.class), oversight, quarter,
                new RequestLimits(1, null, null, null, null));

        assertThat(((Decision.Refused<QuarterResponse>) decision).failure().errors()).extracting(FieldProblem::field)
            .containsExactly("services");
    }

    @Test
    void eachKindIsFoundByItsEndpointAndItsRecordName() {
        assertThat(KINDS.all()).extracting(DecisionKind::recordKind)
            .containsExactly("RATING", "ASSESSMENT", "QUARTER", "FOLLOW_UP");
        assertThat(KINDS.endpoint(null)).containsInstanceOf(RatingKind.class);
        assertThat(KINDS.endpoint("quarters")).containsInstanceOf(QuarterKind.class);
        assertThat(KINDS.endpoint("ratings")).isEmpty();
        assertThat(KINDS.recorded("ASSESSMENT")).isInstanceOf(AssessmentKind.class);
        assertThat(KINDS.of(FollowUpKind.class).path("probation-follow-up")).isEqualTo("/api/v1/probation/follow-ups");
        assertThat(KINDS.of(RatingKind.class).path("yj-2024")).isEqualTo("/api/v1/frameworks/yj-2024/ratings");
        assertThatThrownBy(() -> KINDS.recorded("VERDICT")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("VERDICT");
    }

    /**
     * A plain service's quarter, every grant condition met, with one unknown condition if
     * given.
     */
    private static OversightRequest service(String name, String unknownGrant) {
        Map<String, String> grants = new LinkedHashMap<>();
        for (String ref : List.of("G&L1", "G&L2", "G&L3", "G&L4", "SD1", "SD2", "SD3", "SD4", "SD5", "SD6", "D1", "D2",
                "D3", "R1", "R2", "R3", "R4")) {
            grants.put(ref, "YES");
        }
        if (unknownGrant != null) {
            grants.put(unknownGrant, "YES");
        }
        return new OversightRequest(name, "2025-Q2", "NORTH_OF_ENGLAND", null, Map.of(), null, null, grants, null, null,
                List.of(), null);
    }

}
