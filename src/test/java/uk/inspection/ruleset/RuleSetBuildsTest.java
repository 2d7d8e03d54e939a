package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/**
 * A build that never finishes holds up nobody: the caller gets a failure at the time
 * limit, and the next build runs on a fresh thread.
 */
class RuleSetBuildsTest {

    @Test
    void aBuildPastTheLimitIsAbandonedAndTheNextOneStillRuns() {
        RuleSetBuilds builds = new RuleSetBuilds(Duration.ofMillis(300));
        CountDownLatch never = new CountDownLatch(1);

        long started = System.nanoTime();
        LoadResult stuck = builds.run("yj-2024", () -> {
            while (true) {
                try {
                    never.await();
                }
                catch (InterruptedException e) {
                    // a runaway build ignores interruption too
                }
            }
        });
        long waited = (System.nanoTime() - started) / 1_000_000;
        LoadResult next = builds.run("yj-2024", () -> new LoadResult.Unchanged("yj-2024", "sha256:x"));

        assertThat(stuck).isInstanceOfSatisfying(LoadResult.Failed.class,
                failed -> assertThat(failed.problems()).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("took longer than")));
        assertThat(waited).isLessThan(5_000);
        assertThat(next).isEqualTo(new LoadResult.Unchanged("yj-2024", "sha256:x"));
    }

    @Test
    void aBuildThatThrowsIsAFailureNotAnException() {
        LoadResult result = new RuleSetBuilds(Duration.ofSeconds(5)).run("yj-2024", () -> {
            throw new IllegalStateException("boom");
        });

        assertThat(result).isInstanceOfSatisfying(LoadResult.Failed.class,
                failed -> assertThat(failed.problems()).extracting(p -> p.message())
                    .isEqualTo(
                            List.of("building the rule set failed unexpectedly; the service's log has the details")));
    }

}
