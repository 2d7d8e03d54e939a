package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import uk.inspection.engine.BuildLimits;
import uk.inspection.problem.Decision;
import uk.inspection.problem.ProblemType;
import uk.inspection.support.Eventually;

/**
 * A build that never finishes holds up nobody: the caller gets a failure at the time
 * limit, and the next build runs on a fresh thread. Builds anyone may ask for are
 * bounded: identical ones shared, the rest refused beyond the queue.
 */
class RuleSetBuildsTest {

    @Test
    void aBuildPastTheLimitIsAbandonedAndTheNextOneStillRuns() {
        RuleSetBuilds builds = new RuleSetBuilds(Duration.ofMillis(300), 1, 0, BuildLimits.DEFAULTS);
        CountDownLatch never = new CountDownLatch(1);

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
        LoadResult next = builds.run("yj-2024", () -> new LoadResult.Unchanged("yj-2024", "sha256:x"));

        assertThat(stuck).isInstanceOfSatisfying(LoadResult.Failed.class,
                failed -> assertThat(failed.problems()).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("took longer than")));
        assertThat(next).isEqualTo(new LoadResult.Unchanged("yj-2024", "sha256:x"));
    }

    @Test
    void aBuildThatThrowsIsAFailureNotAnException() {
        LoadResult result = new RuleSetBuilds(Duration.ofSeconds(5), 1, 0, BuildLimits.DEFAULTS).run("yj-2024", () -> {
            throw new IllegalStateException("boom");
        });

        assertThat(result).isInstanceOfSatisfying(LoadResult.Failed.class,
                failed -> assertThat(failed.problems()).extracting(p -> p.message())
                    .isEqualTo(
                            List.of("building the rule set failed unexpectedly; the service's log has the details")));
    }

    @Test
    void identicalBuildsAreBuiltOnceAndADifferentOneBeyondTheQueueIsRefused() throws Exception {
        RuleSetBuilds builds = new RuleSetBuilds(Duration.ofMinutes(5), 1, 0, BuildLimits.DEFAULTS);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger built = new AtomicInteger();

        CompletableFuture<Decision<String>> first = CompletableFuture.supplyAsync(() -> builds.build("a", () -> {
            built.incrementAndGet();
            started.countDown();
            await(release);
            return "built a";
        }));
        started.await();
        AtomicReference<Decision<String>> second = new AtomicReference<>();
        Thread asking = new Thread(() -> second.set(builds.build("a", () -> {
            built.incrementAndGet();
            return "built again";
        })));
        asking.start();
        while (asking.getState() != Thread.State.WAITING) {
            Thread.onSpinWait(); // until it waits for the build under way
        }
        Decision<String> other = builds.build("b", () -> "built b");
        release.countDown();

        assertThat(first.join().orElseThrow()).isEqualTo("built a");
        asking.join();
        assertThat(second.get().orElseThrow()).isEqualTo("built a");
        assertThat(built).hasValue(1);
        assertThat(other).isInstanceOfSatisfying(Decision.Refused.class,
                refused -> assertThat(refused.failure().type()).isEqualTo(ProblemType.BUILDS_BUSY));
        // The first build's place is given up when its thread is free, just after its
        // result: another build is accepted once it is.
        Decision<String> later = Eventually.poll(Duration.ofSeconds(30), () -> builds.build("b", () -> "built b"),
                decision -> !(decision instanceof Decision.Refused<String>));
        assertThat(later.orElseThrow()).isEqualTo("built b");
    }

    @Test
    void anUntrustedBuildPastTheTimeoutIsRefusedAndKeepsItsPlaceUntilItEnds() {
        RuleSetBuilds builds = new RuleSetBuilds(Duration.ofMillis(300), 1, 0, BuildLimits.DEFAULTS);
        CountDownLatch release = new CountDownLatch(1);

        Decision<String> stuck = builds.build("slow", () -> {
            while (release.getCount() > 0) {
                try {
                    release.await();
                }
                catch (InterruptedException e) {
                    // it ignores the interruption, as a busy compiler would
                }
            }
            return "too late";
        });
        Decision<String> meanwhile = builds.build("other", () -> "other");
        release.countDown();

        assertThat(stuck).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
            assertThat(refused.failure().type()).isEqualTo(ProblemType.BUILD_REFUSED);
            assertThat(refused.failure().detail()).contains("rules.build-timeout");
        });
        assertThat(meanwhile).isInstanceOfSatisfying(Decision.Refused.class,
                refused -> assertThat(refused.failure().type()).isEqualTo(ProblemType.BUILDS_BUSY));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
