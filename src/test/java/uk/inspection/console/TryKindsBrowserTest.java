package uk.inspection.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.Browser;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * The try page decides every kind the service decides, in a real browser: an oversight
 * assessment and a whole quarter for a framework of kind oversight, a follow-up for one
 * of kind follow-up, each with the served version and with a draft, shown in words; a
 * refusal's reasons as GOV.UK error messages on the request's field, malformed JSON as
 * where it stops. The requests are the fixtures' own.
 */
class TryKindsBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Path FIXTURES = Path.of("fixtures");

    @Test
    void everyKindIsDecidedWithTheServedVersionAndWithADraft(@TempDir Path folder) throws Exception {
        RulesHomeCopy seed = RulesHomeCopy.of(folder.resolve("seed"), "yjb-oversight", "probation-follow-up");
        try (RunningService service = RunningService.onStore(folder.resolve("data"), seed,
                "--access.users[0].username=erin", "--access.users[0].password={noop}e",
                "--access.users[0].roles=methodology-editor"); Browser browser = Browser.on(service.port())) {
            String oversightDraft = draft(service, "yjb-oversight", "criteria.drl");
            String followUpDraft = draft(service, "probation-follow-up", "follow-up.drl");
            browser.open("/console/login");
            browser.find("#username").sendKeys("erin");
            browser.find("#password").sendKeys("e");
            browser.follow("#sign-in");

            // One service's quarter, the kind a framework of kind oversight starts with.
            browser.open("/console/frameworks/yjb-oversight/try");
            assertThat(browser.find("h1").getText()).isEqualTo("Try one service's quarter");
            assertThat(browser.find("#kinds").getText()).contains("One service's quarter (chosen)",
                    "Try a whole quarter instead");
            assertThat(browser.find("#request").getAttribute("value")).contains("Kielder YJS");
            browser.follow("#rate-button");
            assertThat(browser.find("#answer-status").getText()).isEqualTo("200");
            assertThat(browser.find("#quadrant").getText()).isEqualTo("Quadrant 1: Strong performance");
            String served = version(browser);

            decide(browser, oversightDraft, request("yjb-oversight/current-3-recommended-4-moves-up.json"));
            String drafted = version(browser);
            assertThat(drafted).isNotEqualTo(served);
            assertThat(browser.find("#quadrant").getText())
                .isEqualTo("Quadrant 4: Persistent or significant under-performance");
            assertThat(browser.find("#priority").getText()).isEqualTo("Yes");
            assertThat(browser.find("#escalation").getText()).isEqualTo("Ministerial notification");
            assertThat(browser.find("#actions").getText()).contains("Improvement plan required");
            assertThat(browser.find("#reasons tr[data-reason='INSPECTION_INADEQUATE']").getText()).endsWith(" 4")
                .doesNotContain("INSPECTION_INADEQUATE");
            checkPage(browser, "26-try-oversight-assessment");

            // A whole quarter, its example in the box, the draft still chosen.
            browser.follow("#kind-QUARTER");
            assertThat(browser.find("h1").getText()).isEqualTo("Try a whole quarter");
            assertThat(browser.find("#request").getAttribute("value")).contains("Ashford YJS");
            assertThat(browser.find("#with-" + oversightDraft).isSelected()).isTrue();
            browser.follow("#rate-button");
            assertThat(browser.find("#answer-status").getText()).isEqualTo("200");
            assertThat(version(browser)).isEqualTo(drafted);
            assertThat(browser.all("#quarter-results tbody tr")).hasSizeGreaterThan(2);
            assertThat(browser.find("#quarter-results tr[data-service='Ashford YJS']").getText())
                .contains("Ashford YJS", ": ");
            decide(browser, "", request("yjb-oversight/quarter-small-ranking-tie-and-lower-is-better.json"));
            assertThat(browser.find("#answer-status").getText()).isEqualTo("200");
            assertThat(version(browser)).isEqualTo(served);
            checkPage(browser, "26-try-oversight-quarter");

            // A follow-up: the deadlines as dates, who responds to each recommendation.
            browser.open("/console/frameworks/probation-follow-up/try");
            assertThat(browser.all("#kinds")).isEmpty();
            assertThat(browser.find("#request").getAttribute("value")).contains("Inspection of Leeds PDU");
            browser.follow("#rate-button");
            assertThat(browser.find("#answer-status").getText()).isEqualTo("200");
            assertThat(browser.find("#follow-up-summary").getText()).contains("No deadline")
                .doesNotContain("Action plan due");
            String servedFollowUp = version(browser);
            decide(browser, followUpDraft, request(
                    "probation-follow-up/thematic-action-plan-by-osag-10-weeks-after-draft-12-months-after-publication.json"));
            assertThat(version(browser)).isNotEqualTo(servedFollowUp);
            assertThat(browser.find("#prepared-by").getText())
                .startsWith("HMPPS Operational and System Assurance Group");
            assertThat(browser.find(".console-due[data-step='actionPlan']").getText())
                .isEqualTo("Action plan due 12 May 2025");
            assertThat(browser.find(".console-due[data-step='progressUpdate']").getText())
                .isEqualTo("Progress update due 15 April 2026");
            assertThat(browser.find("#recommendations tr[data-recommendation='R2']").getText())
                .contains("Ministry of Justice policy");
            checkPage(browser, "26-try-follow-up");

            // A refusal: each reason on the request's field, as GOV.UK writes an error.
            decide(browser, followUpDraft, request("probation-follow-up/invalid-no-recommendations-422.json"));
            assertThat(browser.find("#answer-status").getText()).isEqualTo("422");
            WebElement reason = browser.find("#request-summary li[data-field='recommendations'] a");
            assertThat(reason.getText()).startsWith("recommendations: ").hasSizeGreaterThan(20);
            assertThat(reason.getAttribute("href")).endsWith("#request");
            assertThat(browser.find("#request-error").getText()).contains("Error:", reason.getText());
            assertThat(browser.find("#request").getAttribute("class")).contains("govuk-textarea--error");
            assertThat(browser.driver().getTitle()).startsWith("Error: ");
            checkPage(browser, "26-try-refused");

            // Malformed JSON: where it stops, not the parser's words.
            decide(browser, "", "{\n  \"report\": ,\n  \"reportKind\": \"CORE\"\n}");
            assertThat(browser.find("#request-summary").getText())
                .contains("The JSON is not valid at line 2, column 13")
                .doesNotContain("Unexpected character");
            assertThat(browser.all("#answer-status")).isEmpty();
            assertThat(browser.find("#request").getAttribute("value")).contains("\"report\": ,");
            checkPage(browser, "26-try-not-json");
        }
    }

    /**
     * A draft an editor uploads over the API: one of its rule files with a comment added.
     */
    private static String draft(RunningService service, String framework, String file) throws IOException {
        String text = Files.readString(Path.of("rules", framework, file)) + "\n// tried in the console\n";
        Reply created = service.api()
            .upload("/api/v1/frameworks/" + framework + "/drafts",
                    List.of(new FilePart("files", file, text.getBytes())), Map.of("message", "A comment"),
                    "Authorization", ApiClient.basic("erin", "e"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().at("/draft/id").asText();
    }

    /** The request of a fixture, as the box takes it. */
    private static String request(String fixture) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter()
            .writeValueAsString(JSON.readTree(FIXTURES.resolve(fixture).toFile()).get("request"));
    }

    /** Decides the request with the draft (the served version for ""). */
    private static void decide(Browser browser, String draft, String request) {
        browser.find(draft.isEmpty() ? "#with-served" : "#with-" + draft).click();
        // Typed through the page's own value, not keystrokes: the box is a plain
        // textarea.
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                browser.find("#request"), request);
        browser.follow("#rate-button");
    }

    private static String version(Browser browser) {
        return browser.find("#rated-with code").getText();
    }

    private static void checkPage(Browser browser, String name) throws IOException {
        browser.screenshot(name);
        assertThat(browser.seriousViolations()).as("serious accessibility violations on %s", name).isEmpty();
    }

}
