package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.inspection.engine.Compilation;
import uk.inspection.engine.DecisionTable;
import uk.inspection.engine.RuleSource;
import uk.inspection.engine.drools.DroolsRuleEngine;
import uk.inspection.support.ApiClient;
import uk.inspection.support.Eventually;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * The shipped tables as other spreadsheet tools save them load the same. Under
 * {@code src/test/resources/resaved/}: every shipped table opened and saved by openpyxl
 * (which leaves out the blank cells of merged regions) and by LibreOffice Calc, and in
 * each tool the edit "Good starts at 70%" made to the 2024 bandings. The files were made
 * once by those tools and are committed, so the tests need neither.
 */
class ResavedTablesTest {

    private static final Path RESAVED = Path.of("src/test/resources/resaved");

    private static final String BANDINGS = "decision-tables/yj-2024/bandings.drl.xlsx";

    @ParameterizedTest
    @ValueSource(strings = { "openpyxl", "libreoffice" })
    void everyResavedTableIsReadAsTheShippedOne(String tool) throws Exception {
        for (Path resaved : tables(RESAVED.resolve(tool))) {
            String relative = RESAVED.resolve(tool).relativize(resaved).toString().replace('\\', '/');

            assertThat(read(resaved, relative)).as(tool + " " + relative).isEqualTo(read(Path.of(relative), relative));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "openpyxl", "libreoffice" })
    void anEditMadeInEachToolGoesLiveOnARunningService(String tool, @TempDir Path temp) throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp, "yj-2024");
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        try (RunningService service = RunningService.on(copy.home())) {
            assertThat(rating(service, request)).isEqualTo("GOOD");

            Files.copy(RESAVED.resolve(tool + "-edit").resolve(BANDINGS), copy.file(BANDINGS),
                    StandardCopyOption.REPLACE_EXISTING);

            Eventually.poll(Duration.ofSeconds(20), () -> rating(service, request), "REQUIRES_IMPROVEMENT"::equals);
            assertThat(rating(service, request)).isEqualTo("REQUIRES_IMPROVEMENT");
            assertThat(service.get("/api/v1/frameworks/yj-2024").body().at("/lastLoad/status").asText())
                .isEqualTo("OK");
        }
    }

    private static String rating(RunningService service, String request) {
        ApiClient.Reply reply = service.post("/api/v1/frameworks/yj-2024/ratings", request);
        return reply.body().at("/keyQuestions/2.1.1/rating").asText();
    }

    /** The table as the engine reads it (cells, columns, rule counts), compiled alone. */
    private static List<DecisionTable> read(Path file, String relative) throws IOException {
        Compilation compilation = new DroolsRuleEngine().compile("check",
                List.of(new RuleSource(relative, RuleSource.Type.WORKBOOK_TABLE, Files.readAllBytes(file))));
        assertThat(compilation).as(relative).isInstanceOf(Compilation.Compiled.class);
        return ((Compilation.Compiled) compilation).tables();
    }

    private static List<Path> tables(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> found = walk.filter(p -> p.toString().endsWith(".drl.xlsx")).sorted().toList();
            assertThat(found).isNotEmpty();
            return found;
        }
    }

}
