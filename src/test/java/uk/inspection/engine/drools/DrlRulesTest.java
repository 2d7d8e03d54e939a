package uk.inspection.engine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where each rule of a DRL file starts, as Drools' own parser reads it. */
class DrlRulesTest {

    @Test
    void eachRuleIsFoundByPackageAndNameAtTheLineItStarts() {
        String drl = """
                package yj2024;

                // a comment that mentions rule "not a rule"
                rule "Lowest key question drives the standard"
                when
                then
                end

                rule 'single quoted'
                when then end
                """;

        assertThat(DrlRules.origins("rules/x.drl", drl))
            .containsEntry("yj2024/Lowest key question drives the standard",
                    new RuleOrigin("rules/x.drl", "line 4", false))
            .containsEntry("yj2024/single quoted", new RuleOrigin("rules/x.drl", "line 9", false))
            .hasSize(2);
    }

    @Test
    void aFileThatDoesNotParseHasNoRulesHereAndTheCompilerReportsIt() {
        assertThat(DrlRules.origins("rules/x.drl", "package p; rule \"r\" when then")).isEmpty();
    }

}
