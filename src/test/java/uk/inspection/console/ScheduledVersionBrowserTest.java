package uk.inspection.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import uk.inspection.ruleset.DataFolder;
import uk.inspection.store.GitRuleStore;
import uk.inspection.store.StoreProperties;
import uk.inspection.support.AdjustableClock;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.Browser;
import uk.inspection.support.ConsoleSession;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * A version approved to take effect later, as an approver meets it in the console, in a
 * real browser on a service whose clock the test moves: a date in the past refused on its
 * field, a date two days and three hours on shown scheduled with its countdown, the try
 * page as of a date before it rating with the version in force then; once the clock
 * passes the instant, the page shows it in force and the one before superseded; another
 * scheduled version cancelled on its form, which wants a reason. Every page photographed
 * and checked with axe-core.
 */
class ScheduledVersionBrowserTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private static final String VERSIONS = "/api/v1/frameworks/yj-2024/versions";

    private static final String[] EDITOR = { "Authorization", ApiClient.basic("erin", "e") };

    private static final String[] APPROVER = { "Authorization", ApiClient.basic("alex", "a") };

    private static final Path REQUEST_67 = Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json");

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z",
            java.util.Locale.UK);

    private int edits;

    @Test
    void anApproverSchedulesAVersionSeesItTakeEffectAndCancelsAnother(@TempDir Path temp) throws Exception {
        // The store first, then the clock: its first commit takes effect when it is made.
        Path store = temp.resolve("store.git");
        GitRuleStore
            .open(new StoreProperties(store.toString(), null, null, null), new DataFolder(temp.resolve("s").toString()),
                    RulesHomeCopy.of(temp.resolve("home"), "yj-2024").withFixtures().home())
            .close();
        AdjustableClock clock = new AdjustableClock();
        try (RunningService service = RunningService.onStore(temp.resolve("data"), clock.asBean(),
                "--rules.store=" + store, "--access.users[0].username=erin", "--access.users[0].password={noop}e",
                "--access.users[0].roles=methodology-editor", "--access.users[1].username=alex",
                "--access.users[1].password={noop}a", "--access.users[1].roles=methodology-approver");
                Browser browser = Browser.on(service.port())) {
            JsonNode seeded = versions(service).get(0);
            String before = seeded.path("rulesetVersion").asText();
            String draft = draft(service);
            browser.open("/console/login");
            signIn(browser, "alex", "a");

            // A date in the past is refused on its field, and what was typed stays.
            browser.open("/console/drafts/" + draft);
            takesEffect(browser, LocalDate.now(UK).minusDays(1), "09:00");
            browser.follow("#approve-button");
            // the draft's page again, shown in answer to the form
            assertThat(browser.path()).isEqualTo("/console/drafts/" + draft + "/approve");
            assertThat(browser.find("#effective-from-error").getText()).contains("in the past");
            assertThat(browser.find("#approve-error a").getAttribute("href")).endsWith("#effective-day");
            assertThat(browser.find("#effective-time").getAttribute("value")).isEqualTo("09:00");
            assertThat(browser.find("#status").getText()).isEqualTo("Open");
            checkPage(browser, "11-approve-in-the-past");

            // Two days and three hours on, to the next whole minute: typed in UK time.
            Instant from = clock.instant()
                .plus(Duration.ofDays(2).plusHours(3))
                .truncatedTo(ChronoUnit.MINUTES)
                .plus(Duration.ofMinutes(1));
            ZonedDateTime local = from.atZone(UK);
            takesEffect(browser, local.toLocalDate(), local.toLocalTime().toString());
            browser.find("#approve-message").sendKeys("Agreed at the panel, from the new quarter");
            checkPage(browser, "12-approve-with-a-date");
            browser.follow("#approve-button");
            assertThat(browser.path()).isEqualTo("/console/frameworks/yj-2024");
            assertThat(browser.find("#published-banner").getText()).contains("to take effect from " + shown(from));
            JsonNode scheduled = versions(service).get(0);
            assertThat(scheduled.path("effectiveFrom").asText()).isEqualTo(from.toString());
            String after = scheduled.path("rulesetVersion").asText();
            assertThat(browser.find("#next-version").getText()).contains("takes effect from " + shown(from),
                    "in 2 days 3 hours");
            List<WebElement> timeline = browser.all("#versions > li");
            assertThat(timeline.get(0).getAttribute("data-state")).isEqualTo("scheduled");
            assertThat(timeline.get(0).getText()).contains("Scheduled", "From " + shown(from),
                    "Takes effect in 2 days 3 hours", after);
            assertThat(timeline.get(1).getAttribute("data-state")).isEqualTo("in-force");
            assertThat(timeline.get(1).getText()).contains("In force", " – " + shown(from));
            checkPage(browser, "13-framework-scheduled");

            // As of a date before the instant, the try page rates with the version
            // before.
            browser.follow("#try-link");
            tryAsOf(browser, local.toLocalDate().minusDays(1));
            assertThat(browser.find("#rated-with").getText()).contains(before,
                    "in force from " + shown(Instant.parse(seeded.path("effectiveFrom").asText())));
            checkPage(browser, "14-try-as-of-before");
            tryAsOf(browser, local.toLocalDate().plusDays(1));
            assertThat(browser.find("#rated-with").getText()).contains(after, "in force from " + shown(from));
            tryAsOf(browser, LocalDate.of(2001, 1, 1));
            assertThat(browser.find("#as-of-error").getText()).contains("No version of yj-2024 was in force");
            assertThat(browser.all("#rated-with")).isEmpty();
            checkPage(browser, "15-try-as-of-too-early");

            // The instant passes.
            clock.set(from.plusSeconds(1));
            browser.open("/console/frameworks/yj-2024");
            timeline = browser.all("#versions > li");
            assertThat(timeline.get(0).getAttribute("data-state")).isEqualTo("in-force");
            assertThat(timeline.get(1).getAttribute("data-state")).isEqualTo("superseded");
            assertThat(timeline.get(1).getText()).contains("Superseded");
            assertThat(browser.all(".console-countdown__left")).isEmpty();
            checkPage(browser, "16-framework-in-force");

            // Another, scheduled over the API, is cancelled in the console with a reason.
            Instant later = clock.instant().plus(Duration.ofHours(1));
            Reply approved = approve(service, draft(service), later);
            assertThat(approved.status()).as(approved.text()).isEqualTo(200);
            String cancelled = versions(service).get(0).path("rulesetVersion").asText();
            String cancelPath = "/console/frameworks/yj-2024/versions/" + cancelled + "/cancel";
            assertThat(ConsoleSession.signIn(service.port(), "erin", "e").get(cancelPath).statusCode()).isEqualTo(403);
            browser.open("/console/frameworks/yj-2024");
            assertThat(browser.all(".console-cancel")).hasSize(1);
            browser.follow("#versions > li:first-child .console-cancel");
            assertThat(browser.path()).isEqualTo(cancelPath);
            browser.follow("#cancel-button");
            assertThat(browser.find("#reason-error").getText()).contains("Enter why the version is cancelled");
            assertThat(versions(service).get(0).path("state").asText()).isEqualTo("scheduled");
            checkPage(browser, "17-cancel-without-a-reason");
            browser.find("#reason").sendKeys("The board asked for another month of consultation");
            browser.follow("#cancel-button");
            assertThat(browser.path()).isEqualTo("/console/frameworks/yj-2024");
            assertThat(browser.find("#cancelled-banner").getText()).contains("is cancelled");
            timeline = browser.all("#versions > li");
            assertThat(timeline.get(0).getAttribute("data-state")).isEqualTo("cancelled");
            assertThat(timeline.get(0).getText()).contains("Cancelled", "by alex",
                    "The board asked for another month of consultation");
            assertThat(timeline.get(1).getAttribute("data-state")).isEqualTo("in-force");
            assertThat(browser.all(".console-cancel")).isEmpty();
            checkPage(browser, "18-framework-cancelled");
        }
    }

    private static String shown(Instant at) {
        return SHOWN.format(at.atZone(UK));
    }

    private static void takesEffect(Browser browser, LocalDate date, String time) {
        type(browser, "#effective-day", String.valueOf(date.getDayOfMonth()));
        type(browser, "#effective-month", String.valueOf(date.getMonthValue()));
        type(browser, "#effective-year", String.valueOf(date.getYear()));
        type(browser, "#effective-time", time);
    }

    private static void tryAsOf(Browser browser, LocalDate date) throws IOException {
        type(browser, "#as-of-day", String.valueOf(date.getDayOfMonth()));
        type(browser, "#as-of-month", String.valueOf(date.getMonthValue()));
        type(browser, "#as-of-year", String.valueOf(date.getYear()));
        WebElement box = browser.find("#request");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                box, Files.readString(REQUEST_67));
        browser.follow("#rate-button");
    }

    private static void type(Browser browser, String css, String text) {
        WebElement field = browser.find(css);
        field.clear();
        field.sendKeys(text);
    }

    private static void signIn(Browser browser, String user, String password) {
        browser.find("#username").sendKeys(user);
        browser.find("#password").sendKeys(password);
        browser.follow("#sign-in");
    }

    /** A draft an editor uploads over the API: the triggers with a comment added. */
    private String draft(RunningService service) throws IOException {
        String text = Files.readString(Path.of("rules/yj-2024/triggers.drl")) + "\n// edit " + ++edits + "\n";
        Reply created = service.api()
            .upload("/api/v1/frameworks/yj-2024/drafts",
                    List.of(new FilePart("files", "triggers.drl", text.getBytes())), Map.of("message", "Edit " + edits),
                    EDITOR);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().at("/draft/id").asText();
    }

    private static Reply approve(RunningService service, String draft, Instant effectiveFrom) {
        String head = service.get("/api/v1/drafts/" + draft, APPROVER).body().at("/draft/head").asText();
        return service.api()
            .post("/api/v1/drafts/" + draft + "/approve",
                    Map.of("head", head, "effectiveFrom", effectiveFrom.toString()), APPROVER);
    }

    private static JsonNode versions(RunningService service) {
        Reply versions = service.get(VERSIONS, EDITOR);
        assertThat(versions.status()).as(versions.text()).isEqualTo(200);
        return versions.body();
    }

    private static void checkPage(Browser browser, String name) throws IOException {
        browser.screenshot(name);
        assertThat(browser.seriousViolations()).as("serious accessibility violations on %s", name).isEmpty();
    }

}
