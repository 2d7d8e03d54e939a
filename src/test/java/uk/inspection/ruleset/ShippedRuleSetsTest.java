package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import uk.inspection.support.ShippedRuleSets;

class ShippedRuleSetsTest {

    static final Path HOME = Path.of(".").toAbsolutePath().normalize();

    static java.util.List<String> frameworks() {
        return RuleSetFiles.frameworks(HOME);
    }

    @ParameterizedTest
    @MethodSource("frameworks")
    void everyShippedRuleSetBuildsWithoutProblems(String framework) {
        LoadResult result = ShippedRuleSets.result(framework);

        assertThat(result).as(() -> result instanceof LoadResult.Failed failed ? failed.problems().toString() : "")
            .isInstanceOf(LoadResult.Loaded.class);
    }

}
