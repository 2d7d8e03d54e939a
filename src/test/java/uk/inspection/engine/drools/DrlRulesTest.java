package uk.inspection.engine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.inspection.engine.drools.allowlist.ParsedDrl;

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

        assertThat(DrlRules.read("rules/x.drl", ParsedDrl.parse("rules/x.drl", drl).descr()).origins())
            .containsEntry("yj2024/Lowest key question drives the standard",
                    new RuleOrigin("rules/x.drl", "line 4", false))
            .containsEntry("yj2024/single quoted", new RuleOrigin("rules/x.drl", "line 9", false))
            .hasSize(2);
    }

    @Test
    void aFileThatDoesNotParseHasItsParserErrorsAndNothingToReadRulesFrom() {
        ParsedDrl parsed = ParsedDrl.parse("rules/x.drl", "package p; rule \"r\" when then");

        assertThat(parsed.descr()).isNull();
        assertThat(parsed.errors()).isNotEmpty();
    }

}
