package uk.inspection.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import uk.inspection.decision.DecisionKinds;
import uk.inspection.decision.DecisionService;
import uk.inspection.followup.FollowUpKind;
import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.files.PublishedFiles;
import uk.inspection.ratings.FrameworkInForce;
import uk.inspection.ratings.RatingKind;
import uk.inspection.ruleset.VersionWanted;
import uk.inspection.records.DecisionStore;
import uk.inspection.records.VisibleDecisions;
import uk.inspection.problem.RequestLimits;
import uk.inspection.records.Recording;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.shadow.Shadows;
import uk.inspection.ruleset.Withdrawals;

/**
 * The HTTP mapping of failures to problems, in a web slice: no server, no rules. The
 * service is a stub answering each kind of failure; what is pinned here is the status,
 * the problem type and the field named, whatever the rules later say.
 */
@WebMvcTest(properties = "rules.mode=development")
@Import({ SecurityConfiguration.class, ProblemWriter.class, DecisionKinds.class })
@EnableConfigurationProperties({ AccessProperties.class, RequestLimits.class })
class ProblemMappingTest {

    private static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    private static final String PROBLEM = "urn:inspection-ratings:problem:";

    @Autowired
    MockMvc http;

    @MockitoBean
    DecisionService service;

    @MockitoBean
    RuleSetRegistry registry;

    @MockitoBean
    Recording recording;

    @MockitoBean
    Shadows shadows;

    @MockitoBean
    DecisionStore decisions;

    @MockitoBean
    VisibleDecisions visibleDecisions;

    @MockitoBean
    Withdrawals withdrawals;

    @MockitoBean
    FrameworkInForce inForce;

    @MockitoBean
    PublishedFiles files;

    @Test
    void malformedJsonIs400NamingTheBody() throws Exception {
        http.perform(post(RATE).contentType(MediaType.APPLICATION_JSON).content("{\"service\": "))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value(PROBLEM + "malformed-request"))
            .andExpect(jsonPath("$.errors[0].field").value("body"))
            .andExpect(jsonPath("$.instance").value(RATE));
    }

    @Test
    void aWrongTypeIs400NamingTheField() throws Exception {
        http.perform(post(RATE).contentType(MediaType.APPLICATION_JSON)
            .content("{\"keyQuestions\": {\"2.1.1\": {\"yes\": \"14\", \"cases\": 20}}}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("keyQuestions.2.1.1.yes"));
    }

    @Test
    void anUnknownFrameworkIs404() throws Exception {
        given(service.decide(any(RatingKind.class), eq("yj-1999"), any(VersionWanted.class), any()))
            .willReturn(Decision.refused(Failure.unknownFramework("yj-1999", List.of("yj-2024"))));

        http.perform(post("/api/v1/frameworks/yj-1999/ratings").contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.type").value(PROBLEM + "unknown-framework"))
            .andExpect(jsonPath("$.detail").value("no framework 'yj-1999'; frameworks: yj-2024"));
    }

    @Test
    void aMethodTheRouteDoesNotTakeIs405() throws Exception {
        http.perform(get(RATE))
            .andExpect(status().isMethodNotAllowed())
            .andExpect(jsonPath("$.type").value(PROBLEM + "method-not-allowed"));
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        http.perform(post(RATE).contentType(MediaType.APPLICATION_JSON)
            .content("{\"service\": \"" + "x".repeat(1_100_000) + "\"}"))
            .andExpect(status().isPayloadTooLarge())
            .andExpect(jsonPath("$.type").value(PROBLEM + "payload-too-large"));
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        http.perform(post(RATE).contentType(MediaType.TEXT_PLAIN).content("hello"))
            .andExpect(status().isUnsupportedMediaType())
            .andExpect(jsonPath("$.type").value(PROBLEM + "unsupported-media-type"));
    }

    @Test
    void factsTheRulesCannotAcceptAre422NamingEveryField() throws Exception {
        given(service.decide(any(RatingKind.class), eq("yj-2024"), any(VersionWanted.class), any()))
            .willReturn(
                    Decision.refused(Failure.invalidFacts(
                            List.of(new FieldProblem("keyQuestions.2.1.1.yes", "yes (21) exceeds cases (20)"),
                                    new FieldProblem("ratings.1.1", "1.1 is not rated in an IYJWCV inspection")),
                            100)));

        http.perform(post(RATE).contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isUnprocessableEntity())
            .andExpect(jsonPath("$.type").value(PROBLEM + "invalid-facts"))
            .andExpect(jsonPath("$.detail").value("2 problems"))
            .andExpect(jsonPath("$.errors[0].field").value("keyQuestions.2.1.1.yes"))
            .andExpect(jsonPath("$.errors[1].field").value("ratings.1.1"));
    }

    @Test
    void aFollowUpTheRulesCannotAcceptIs422NamingTheField() throws Exception {
        given(service.decide(any(FollowUpKind.class), any(), any(VersionWanted.class), any()))
            .willReturn(Decision.refused(Failure
                .invalidFacts(List.of(new FieldProblem("recommendations[1].addressedTo[0]", "not an authority")))));

        http.perform(post("/api/v1/probation/follow-ups").contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isUnprocessableEntity())
            .andExpect(jsonPath("$.type").value(PROBLEM + "invalid-facts"))
            .andExpect(jsonPath("$.instance").value("/api/v1/probation/follow-ups"))
            .andExpect(jsonPath("$.errors[0].field").value("recommendations[1].addressedTo[0]"));
    }

    @Test
    void aPinnedVersionNoLongerKeptIs410AndARuleSetThatNeverBuiltIs503() throws Exception {
        given(service.decide(any(RatingKind.class), eq("yj-2024"), eq(VersionWanted.pinned("sha256:old")), any()))
            .willReturn(Decision.refused(Failure.versionGone("yj-2024", "sha256:old", "the last 10 are")));
        given(service.decide(any(RatingKind.class), eq("yj-broken"), any(VersionWanted.class), any()))
            .willReturn(Decision.refused(Failure.ruleSetUnavailable("yj-broken")));

        http.perform(post(RATE).header("Ruleset-Version", "sha256:old")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{}")).andExpect(status().isGone()).andExpect(jsonPath("$.type").value(PROBLEM + "version-gone"));
        http.perform(post("/api/v1/frameworks/yj-broken/ratings").contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(jsonPath("$.type").value(PROBLEM + "rule-set-unavailable"));
    }

}
