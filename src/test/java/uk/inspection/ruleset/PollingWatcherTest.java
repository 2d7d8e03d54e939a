package uk.inspection.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.Eventually;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * Where file events are not delivered (a network share), the watcher polls: forced here,
 * an edit saved to a table still goes live, and the log says the watcher polls.
 */
@ExtendWith(OutputCaptureExtension.class)
class PollingWatcherTest {

    private static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    private static final String BANDINGS = "decision-tables/yj-2024/bandings.drl.xlsx";

    @Test
    void aPollingWatcherPutsASavedEditLiveAndSaysItPolls(@TempDir Path temp, CapturedOutput output) throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp, "yj-2024");
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        try (RunningService service = RunningService.on(copy.home(), "--rules.watch-mode=polling",
                "--rules.poll-interval=200ms")) {
            assertThat(service.bean(RuleSetWatcher.class).mode()).isEqualTo(RulesProperties.WatchMode.POLLING);
            assertThat(output.getOut()).contains("for rule changes by polling every PT0.2S");
            Reply before = service.post(RATE, request);
            String original = before.body().at("/rulesetVersion").asText();
            assertThat(before.body().at("/keyQuestions/2.1.1/rating").asText()).isEqualTo("GOOD");

            // Good starts at 70%: 67% is now Requires improvement.
            copy.setTableCell(BANDINGS, "Band: Too few", "Share below (%)", 70);
            copy.setTableCell(BANDINGS, "Band: Reasonable majority", "Share from (%)", 70);

            Reply after = Eventually.poll(Duration.ofSeconds(60), () -> service.post(RATE, request),
                    reply -> !reply.body().at("/rulesetVersion").asText().equals(original));
            assertThat(after.body().at("/rulesetVersion").asText()).as("the edit went live").isNotEqualTo(original);
            assertThat(after.body().at("/keyQuestions/2.1.1/rating").asText()).isEqualTo("REQUIRES_IMPROVEMENT");
        }
    }

}
