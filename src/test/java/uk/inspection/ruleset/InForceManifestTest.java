package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.inspection.engine.LoadProblem;

/**
 * A manifest's {@code inForce} window: read and checked at load like every manifest
 * field, and the shipped ratings frameworks' windows following one another with no gap
 * and no overlap.
 */
class InForceManifestTest {

    private static final String MANIFEST = """
            name: A framework
            ratingScale:
              - {code: GOOD, label: Good, score: 2}
            standards:
              - {code: "1.1", name: Governance, ratedFrom: JUDGEMENT, countsTowardOverall: true}
            """;

    @Test
    void aWindowIsReadWithBothEndsIncluded() {
        InForce window = read(MANIFEST + "inForce: {from: 2018-06-01, until: 2021-05-31}\n", new ArrayList<>())
            .inForce();

        assertThat(window.contains(LocalDate.parse("2018-06-01"))).isTrue();
        assertThat(window.contains(LocalDate.parse("2021-05-31"))).isTrue();
        assertThat(window.contains(LocalDate.parse("2018-05-31"))).isFalse();
        assertThat(window.contains(LocalDate.parse("2021-06-01"))).isFalse();
        assertThat(window.describe()).isEqualTo("inForce 2018-06-01..2021-05-31");
    }

    @Test
    void aWindowWithoutUntilIsStillInForce() {
        InForce window = read(MANIFEST + "inForce: {from: 2025-04-01}\n", new ArrayList<>()).inForce();

        assertThat(window.contains(LocalDate.parse("2099-12-31"))).isTrue();
        assertThat(window.describe()).isEqualTo("inForce 2025-04-01..");
    }

    @Test
    void aMalformedDateIsALocatedLoadProblemNamingTheField() {
        List<LoadProblem> problems = new ArrayList<>();

        assertThat(read(MANIFEST + "inForce:\n  from: 2018-13-01\n", problems)).isNull();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/test/framework.yaml");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).startsWith("inForce.from").doesNotContain("java.", "uk.inspection");
        });
    }

    @Test
    void untilBeforeFromIsALocatedLoadProblemSayingSo() {
        List<LoadProblem> problems = new ArrayList<>();

        assertThat(read(MANIFEST + "inForce: {from: 2021-06-01, until: 2021-05-31}\n", problems)).isNull();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/test/framework.yaml");
            assertThat(p.line()).isNotNull();
            assertThat(p.message()).isEqualTo("inForce: until 2021-05-31 is before from 2021-06-01");
        });
    }

    @Test
    void aWindowWithoutFromIsALoadProblem() {
        List<LoadProblem> problems = new ArrayList<>();

        assertThat(read(MANIFEST + "inForce: {until: 2021-05-31}\n", problems)).isNull();

        assertThat(problems).singleElement()
            .satisfies(p -> assertThat(p.message()).startsWith("inForce: from is required"));
    }

    @Test
    void theShippedRatingsFrameworksFollowOneAnotherWithNoGapAndNoOverlap() throws Exception {
        List<Manifest> ratings = new ArrayList<>();
        for (String framework : RuleSetFiles.frameworks(Path.of("."))) {
            List<LoadProblem> problems = new ArrayList<>();
            Path file = Path.of("rules", framework, RuleFile.MANIFEST_NAME);
            Manifest manifest = ManifestReader.read(new RuleFile(file.toString(), Files.readAllBytes(file)), problems);
            assertThat(problems).as(framework).isEmpty();
            if (manifest.isRatings()) {
                assertThat(manifest.inForce()).as(framework + " declares inForce").isNotNull();
                ratings.add(manifest);
            }
        }
        List<InForce> windows = ratings.stream()
            .map(Manifest::inForce)
            .sorted(Comparator.comparing(InForce::from))
            .toList();

        assertThat(windows).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < windows.size(); i++) {
            InForce before = windows.get(i - 1);
            InForce after = windows.get(i);
            assertThat(before.overlaps(after)).as(before.describe() + " and " + after.describe()).isFalse();
            assertThat(before.until()).as(before.describe() + " ends").isNotNull();
            assertThat(before.until().plusDays(1)).as(before.describe() + " meets " + after.describe())
                .isEqualTo(after.from());
        }
        assertThat(windows.get(windows.size() - 1).until()).as("the newest is still in force").isNull();
    }

    private static Manifest read(String yaml, List<LoadProblem> problems) {
        return ManifestReader.read(new RuleFile("rules/test/framework.yaml", yaml.getBytes(StandardCharsets.UTF_8)),
                problems);
    }

}
