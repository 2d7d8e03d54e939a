package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import uk.inspection.support.ShippedRuleSets;

/**
 * The shipped frameworks build at once (as at start-up, and as a draft's review beside a
 * store refresh) exactly as they build one by one. A parser shared between threads once
 * made these builds fail at random with "Java that does not parse".
 */
class ParallelBuildsTest {

    @Test
    void everyShippedFrameworkBuildsTheSameOnManyThreadsAsAlone() throws Exception {
        List<String> frameworks = RuleSetFiles.frameworks(ShippedRuleSetsTest.HOME);
        RuleSetLoader loader = new RuleSetLoader(Clock.systemUTC());
        Map<String, String> alone = new TreeMap<>();
        // Alone: as built once for the in-process tests.
        for (String framework : frameworks) {
            alone.put(framework, built(ShippedRuleSets.result(framework)));
        }

        ExecutorService threads = Executors.newFixedThreadPool(frameworks.size() * 2);
        try {
            List<Future<Map.Entry<String, String>>> running = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String framework : frameworks) {
                    running.add(threads
                        .submit(() -> Map.entry(framework, built(loader.load(ShippedRuleSetsTest.HOME, framework)))));
                }
            }
            for (Future<Map.Entry<String, String>> build : running) {
                Map.Entry<String, String> result = build.get();
                assertThat(result.getValue()).as(result.getKey()).isEqualTo(alone.get(result.getKey()));
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(alone).hasSizeGreaterThanOrEqualTo(5);
    }

    /** A build as its version and its reference rows, or its problems. */
    private static String built(LoadResult result) {
        if (result instanceof LoadResult.Loaded loaded) {
            return "built " + loaded.ruleSet().version() + " with "
                    + loaded.ruleSet().rules().insertedWithoutFacts().size() + " reference rows";
        }
        return result.toString();
    }

}
