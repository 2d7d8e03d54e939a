package uk.inspection.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.regression.InProcessApi;
import uk.inspection.ruleset.LoadResult;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetLoader;

/**
 * Not a unit test: run on demand with
 * {@code mvn test -Dtest='EvaluationBenchmark' -Dsurefire.excludedGroups=none}. One
 * thread, in-process (no HTTP): the README's yj-2024 request, decided 20,000 times after
 * 5,000 warm-up, and the percentiles of the time per decision (JSON reading, validation,
 * session, rules, response).
 */
@Tag("benchmark")
class EvaluationBenchmark {

    @Test
    void timePerDecision() throws Exception {
        Path home = Path.of(".");
        RuleSet ruleSet = ((LoadResult.Loaded) new RuleSetLoader(Clock.systemUTC()).load(home, "yj-2024")).ruleSet();
        JsonNode request = new ObjectMapper()
            .readTree(Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json")));
        InProcessApi api = new InProcessApi();
        for (int i = 0; i < 5_000; i++) {
            api.answer(ruleSet, request);
        }
        long[] nanos = new long[20_000];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            api.answer(ruleSet, request);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%nyj-2024 decision in-process, 20,000 runs: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                nanos[10_000] / 1e6, nanos[18_000] / 1e6, nanos[19_800] / 1e6, nanos[19_999] / 1e6);
    }

}
