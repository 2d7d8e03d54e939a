package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.ProblemType;

/**
 * A version named by a prefix of its hash. Two published versions sharing twelve hex
 * digits cannot be made by publishing (a birthday search over 48 bits of whole-rule-set
 * hashes), so the ambiguous case is given versions made up for it.
 */
class VersionPrefixTest {

    private static final String ONE = "sha256:496d27796e1085c6d7906b0fa51bfb2874261403200349ff521fff63740e4af6";

    private static final String TWIN = "sha256:496d27796e10ffffd7906b0fa51bfb2874261403200349ff521fff63740e4af6";

    private static final String OTHER = "sha256:0a1b2c3d4e5f85c6d7906b0fa51bfb2874261403200349ff521fff63740e4af6";

    @Test
    void aPrefixOfTwelveHexDigitsNamesTheOneVersionItBegins() {
        assertThat(resolved("sha256:496d27796e10", List.of(ONE, OTHER))).isEqualTo(ONE);
        assertThat(resolved("sha256:496D27796E1085", List.of(ONE, OTHER))).isEqualTo(ONE);
        assertThat(resolved(ONE.toUpperCase(java.util.Locale.ROOT).replace("SHA256:", "sha256:"), List.of(ONE, OTHER)))
            .as("the whole version in capitals, as a prefix in capitals is")
            .isEqualTo(ONE);
        assertThat(resolved("sha256:496d27796e10", List.of(ONE, ONE, OTHER))).as("published twice, one version")
            .isEqualTo(ONE);
    }

    @Test
    void whatIsNoPrefixOrAPrefixOfNoneIsLeftForTheCallersChecks() {
        for (String given : List.of(ONE, "496d27796e10", "4f8d5c2e0b1a9d3c7e6f5a4b3c2d1e0f9a8b7c6d",
                "sha256:496d27796e10,sha256:0a1b2c3d4e5f", "sha256:ffffffffffff")) {
            assertThat(resolved(given, List.of(ONE, OTHER))).isEqualTo(given);
        }
    }

    @Test
    void elevenHexDigitsAreRefusedNamingTheField() {
        Failure refused = refused("sha256:496d27796e1", List.of(ONE));

        assertThat(refused.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(refused.errors().get(0).field()).isEqualTo("Ruleset-Version");
        assertThat(refused.errors().get(0).message()).contains("at least 12 hex digits");
        assertThat(refused("sha256:", List.of(ONE)).type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
    }

    @Test
    void aPrefixSeveralVersionsShareIsRefusedListingThem() {
        Failure refused = refused("sha256:496d27796e10", List.of(ONE, TWIN, OTHER));

        assertThat(refused.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(refused.errors().get(0).field()).isEqualTo("Ruleset-Version");
        assertThat(refused.errors().get(0).message()).contains(ONE, TWIN).doesNotContain(OTHER);
        assertThat(resolved("sha256:496d27796e108", List.of(ONE, TWIN))).as("one more digit tells them apart")
            .isEqualTo(ONE);
    }

    private static String resolved(String given, List<String> versions) {
        return VersionPrefix.resolve("Ruleset-Version", given, versions).orElseThrow();
    }

    private static Failure refused(String given, List<String> versions) {
        return ((Decision.Refused<String>) VersionPrefix.resolve("Ruleset-Version", given, versions)).failure();
    }

}
