package uk.inspection.engine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.inspection.engine.Compilation;
import uk.inspection.engine.RuleSource;

/**
 * A pattern Drools parses into a shape the allow-list did not expect is refused at its
 * line, never an exception that fails the build (and, in the store, a draft's review).
 */
class OddPatternTest {

    @Test
    void anOoPathAfterAPatternIsRefusedAtItsLine() {
        String drl = """
                package p;
                import uk.inspection.ratings.facts.*;
                rule "odd"
                when
                    StandardDefinition() /code
                then
                end
                """;

        Compilation compiled = new DroolsRuleEngine().compile("t",
                List.of(new RuleSource("rules/t/t.drl", RuleSource.Type.DRL, drl.getBytes(StandardCharsets.UTF_8))));

        assertThat(compiled).isInstanceOf(Compilation.Failed.class);
        assertThat(((Compilation.Failed) compiled).problems()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("rules/t/t.drl");
            assertThat(problem.line()).isEqualTo(5);
            assertThat(problem.message()).contains("OOPath");
        });
    }

}
