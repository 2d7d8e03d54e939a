package uk.inspection.engine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.internal.builder.conf.LanguageLevelOption;

import uk.inspection.engine.RuleSource;
import uk.inspection.engine.drools.tables.DecisionTableTranslator;

/**
 * Every shipped rule text (each DRL file, and the DRL each decision table becomes) reads
 * under the DRL10 language level, which drops what DRL6 only warns about: half
 * constraints ({@code score > 1 && < 3}), {@code &&} and {@code ||} between patterns, and
 * annotations inside a pattern. Drools 10.1 deprecates them; the shipped rules use none.
 */
class Drl10Test {

    static Stream<Path> shippedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("rules", "decision-tables")) {
            try (Stream<Path> walk = Files.walk(Path.of(folder))) {
                walk.filter(f -> f.toString().endsWith(".drl") || f.toString().endsWith(".drl.xlsx"))
                    .sorted()
                    .forEach(files::add);
            }
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedFiles")
    void readsUnderDrl10(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (file.toString().endsWith(".drl")) {
            assertThat(drl10Errors(new String(bytes, StandardCharsets.UTF_8))).isEmpty();
            return;
        }
        for (DecisionTableTranslator.Generated generated : DecisionTableTranslator
            .translate(new RuleSource(file.toString(), RuleSource.Type.WORKBOOK_TABLE, bytes))
            .generated()) {
            assertThat(drl10Errors(generated.drl())).as(generated.resourcePath()).isEmpty();
        }
    }

    @Test
    void whatDrl10DropsIsAnErrorThere() {
        // the check above can fail: a half constraint and patterns joined by ||
        assertThat(drl10Errors("""
                package p;
                rule "half" when $n : Integer(intValue > 1 && < 3) then end
                """)).isNotEmpty();
        assertThat(drl10Errors("""
                package p;
                rule "infix" when Integer() || Long() then end
                """)).isNotEmpty();
    }

    private static List<String> drl10Errors(String drl) {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL10);
        try {
            parser.parse(null, drl);
        }
        catch (DroolsParserException e) {
            return List.of(e.getMessage());
        }
        return parser.getErrors().stream().map(Object::toString).toList();
    }

}
