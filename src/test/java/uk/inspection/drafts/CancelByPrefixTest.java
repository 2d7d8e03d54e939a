package uk.inspection.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.inspection.problem.Decision;
import uk.inspection.problem.ProblemType;
import uk.inspection.ruleset.PublishedVersion;

/** A scheduled version is cancelled by a prefix of its version as by the whole. */
class CancelByPrefixTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static final String IN_FORCE = "sha256:0a1b2c3d4e5f85c6d7906b0fa51bfb2874261403200349ff521fff63740e4af6";

    private static final String SCHEDULED = "sha256:496d27796e1085c6d7906b0fa51bfb2874261403200349ff521fff63740e4af6";

    private static final List<PublishedVersion> PUBLISHED = List.of(
            version(SCHEDULED, "b".repeat(40), Instant.parse("2026-04-01T00:00:00Z")),
            version(IN_FORCE, "a".repeat(40), Instant.parse("2026-01-01T00:00:00Z")));

    @Test
    void aPrefixOfTwelveHexDigitsNamesTheScheduledVersion() {
        assertThat(
                Schedule.cancellable("yj-2024", "sha256:496d27796e10", NOW, PUBLISHED).orElseThrow().rulesetVersion())
            .isEqualTo(SCHEDULED);
    }

    @Test
    void aShorterOneIsRefusedNamingTheVersion() {
        Decision<PublishedVersion> refused = Schedule.cancellable("yj-2024", "sha256:496d2779", NOW, PUBLISHED);

        assertThat(refused).isInstanceOfSatisfying(Decision.Refused.class, r -> {
            assertThat(r.failure().type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
            assertThat(r.failure().errors().get(0).field()).isEqualTo("version");
        });
    }

    private static PublishedVersion version(String version, String commit, Instant from) {
        return new PublishedVersion(version, commit, from, "erin", "alex", "", List.of(), from, null);
    }

}
