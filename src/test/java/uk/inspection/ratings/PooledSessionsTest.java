package uk.inspection.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import uk.inspection.decision.DecisionPipeline;
import uk.inspection.problem.RequestLimits;
import uk.inspection.problem.StrictJson;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.support.ShippedRuleSets;

/**
 * Sessions come from a pool and are reset between evaluations: two different inspections
 * decided in turn, on several threads at once, each always get their own decision, never
 * facts or results left by the other.
 */
class PooledSessionsTest {

    private static final RatingKind RATING = new RatingKind();

    @Test
    void reusedSessionsCarryNothingFromOneDecisionToTheNext() throws Exception {
        RuleSet ruleSet = ShippedRuleSets.of("yj-2024");
        // 2.1.1 at 67% is Good, everything else Outstanding, the panel's V1 Outstanding:
        // 11
        // of 12, Outstanding.
        RatingRequest outstanding = StrictJson.mapper()
            .readValue(Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json")),
                    RatingRequest.class);
        // The same without a panel choice: V1 awaits the panel, so the overall does too.
        RatingRequest pending = new RatingRequest(outstanding.service(), outstanding.inspectionType(),
                outstanding.keyQuestions(), outstanding.cases(), outstanding.judgements(), outstanding.ratings(),
                java.util.Map.of());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(threads.submit(() -> {
                    List<String> outcomes = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        outcomes.add(DecisionPipeline.decide(RATING, ruleSet, outstanding, RequestLimits.DEFAULTS)
                            .orElseThrow()
                            .summary());
                        outcomes.add(DecisionPipeline.decide(RATING, ruleSet, pending, RequestLimits.DEFAULTS)
                            .orElseThrow()
                            .summary());
                    }
                    return outcomes;
                }));
            }
            for (Future<List<String>> run : runs) {
                List<String> outcomes = run.get();
                for (int i = 0; i < outcomes.size(); i += 2) {
                    assertThat(outcomes.get(i)).isEqualTo("OUTSTANDING");
                    assertThat(outcomes.get(i + 1)).isEqualTo("PENDING_PANEL");
                }
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

}
