package uk.inspection.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.inspection.support.Browser;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;
import uk.inspection.support.SecuredServiceTest;

/**
 * The console in a real browser against the real service on a random port and a real
 * store: an editor signs in, uploads a broken bandings table and sees the problem on its
 * cell, uploads a good edit and reads its impact, adds the fixtures worked again for it,
 * tries a rating with the draft; an approver publishes it and the framework serves the
 * new version. Every page is photographed and checked with axe-core.
 */
@SecuredServiceTest
class ConsoleBrowserTest {

    private static final String BANDINGS = "decision-tables/yj-2024/bandings.drl.xlsx";

    private static final String[] USERS = { "--access.users[0].username=erin", "--access.users[0].password={noop}e",
            "--access.users[0].roles=methodology-editor", "--access.users[1].username=alex",
            "--access.users[1].password={noop}a", "--access.users[1].roles=methodology-approver" };

    /**
     * 2.1.1 at 67%: Good while Good starts at 65% (methodology section 1), RI once it
     * starts at 70%.
     */
    private static final Path REQUEST_67 = Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json");

    @LocalServerPort
    int port;

    @Test
    void anEditorProposesAndAnApproverPublishesAChangeInTheBrowser(@TempDir Path data, @TempDir Path edits)
            throws Exception {
        RulesHomeCopy broken = RulesHomeCopy.of(edits.resolve("broken"));
        broken.setTableCell(BANDINGS, "Band: Reasonable majority", "Share from (%)", "sixty-five");
        RulesHomeCopy edited = RulesHomeCopy.of(edits.resolve("edited"));
        // Good from 70%: the Too few band now reaches 70, Reasonable majority starts
        // there.
        edited.setTableCell(BANDINGS, "Band: Too few", "Share below (%)", 70);
        edited.setTableCell(BANDINGS, "Band: Reasonable majority", "Share from (%)", 70);
        // A service of its own: this test publishes.
        try (RunningService service = RunningService.onStore(data, USERS);
                Browser browser = Browser.on(service.port())) {
            browser.open("/console");
            assertThat(browser.path()).isEqualTo("/console/login");
            checkPage(browser, "01-sign-in");
            signIn(browser, "erin", "e");

            assertThat(browser.path()).isEqualTo("/console");
            WebElement yj2024 = browser.find("#framework-yj-2024");
            assertThat(yj2024.getText()).contains("Loaded");
            checkPage(browser, "02-frameworks");

            browser.follow("#framework-yj-2024 a");
            assertThat(browser.path()).isEqualTo("/console/frameworks/yj-2024");
            String servedBefore = browser.find("#served-version").getText();
            assertThat(browser.find("#standards").getText()).contains("2.1.1");
            assertThat(grid(browser, BANDINGS).getText()).contains("Band: Reasonable majority", "Share from (%)");
            checkPage(browser, "03-framework");

            // A broken table: the problem is on the cell that was edited.
            upload(browser, "#files", broken.file(BANDINGS));
            browser.find("#message").sendKeys("A typo in the bandings");
            browser.follow("#upload-button");
            assertThat(browser.path()).startsWith("/console/drafts/");
            assertThat(browser.find("#validation").getText()).contains("validation problem");
            WebElement typo = cell(browser, BANDINGS, "Band: Reasonable majority", "Share from (%)");
            assertThat(typo.getText()).contains("sixty-five");
            assertThat(typo.getAttribute("class")).as(browser.find("#validation").getText())
                .contains("console-cell-problem");
            assertThat(browser.all(".console-cell-problem")).hasSize(1);
            checkPage(browser, "04-draft-broken");
            browser.follow("#withdraw-button");
            assertThat(browser.find("#status").getText()).isEqualTo("Withdrawn");

            // The edit itself: its impact and its cells, old and new.
            browser.open("/console/frameworks/yj-2024");
            upload(browser, "#files", edited.file(BANDINGS));
            browser.find("#message").sendKeys("Good from 70%");
            browser.follow("#upload-button");
            String draft = browser.path().substring("/console/drafts/".length());
            assertThat(browser.find("#own-draft").getText()).contains("cannot approve");
            assertThat(browser.all("#approve-button")).isEmpty();
            int goodToRi = Integer
                .parseInt(browser.find("#heat-map td[data-from='GOOD'][data-to='REQUIRES_IMPROVEMENT']").getText());
            assertThat(goodToRi).isPositive();
            assertThat(browser.find("#changed-decisions").getText()).contains("GOOD → REQUIRES_IMPROVEMENT",
                    "rating GOOD → REQUIRES_IMPROVEMENT");
            assertThat(browser.find("#cell-diff").getText()).contains("Band: Reasonable majority", "Share from (%)");
            WebElement moved = cell(browser, BANDINGS, "Band: Reasonable majority", "Share from (%)");
            assertThat(moved.getAttribute("class")).contains("console-cell-changed");
            assertThat(moved.getText()).contains("70").contains("65");
            // The fixtures that pin the 65% edge fail until they are worked again.
            assertThat(browser.find("#fixtures-summary").getText()).doesNotEndWith(" 0 failed");
            checkPage(browser, "05-draft-impact");

            Path fixtures = Path.of("examples/good-from-70/fixtures/yj-2024").toAbsolutePath();
            try (Stream<Path> files = Files.list(fixtures)) {
                upload(browser, "#amend-files", files.sorted().toArray(Path[]::new));
            }
            browser.follow("#amend-button");
            assertThat(browser.find("#fixtures-summary").getText()).endsWith(" 0 failed");
            assertThat(browser.find("#passes").getText()).contains("passes every check");
            checkPage(browser, "06-draft-passing");

            // Try the edge case with the draft before it is published.
            browser.follow("#try-draft");
            assertThat(browser.find("#request").getAttribute("value")).contains("Northtown YJS");
            rate(browser, REQUEST_67);
            assertThat(browser.find("#answer-status").getText()).isEqualTo("200");
            assertThat(outcome(browser, "2.1.1")).startsWith("Requires improvement");
            assertThat(browser.find("#trace").getText()).contains("Band: Too few", BANDINGS);
            checkPage(browser, "07-try-draft");

            browser.follow("form[action='/console/logout'] button");
            assertThat(browser.path()).isEqualTo("/console/login");

            // The approver publishes it.
            signIn(browser, "alex", "a");
            browser.open("/console/frameworks/yj-2024");
            browser.follow("#open-drafts a[href='/console/drafts/" + draft + "']");
            assertThat(browser.all("#own-draft")).isEmpty();
            browser.find("#approve-message").sendKeys("Agreed at the panel");
            checkPage(browser, "08-draft-for-approver");
            browser.follow("#approve-button");
            assertThat(browser.path()).isEqualTo("/console/frameworks/yj-2024");
            assertThat(browser.find("#published-banner").getText()).contains(draft);
            assertThat(browser.find("#served-version").getText()).isNotEqualTo(servedBefore).startsWith("sha256:");
            assertThat(browser.find("#published-author").getText()).isEqualTo("erin");
            assertThat(browser.find("#published-approver").getText()).isEqualTo("alex");
            // the diff is in a closed details element: its text is there, not shown
            assertThat(browser.find("#versions").getAttribute("textContent")).contains("Agreed at the panel",
                    "Share from (%) 65 → 70");
            checkPage(browser, "09-framework-published");

            // The served version now rates 67% as Requires improvement.
            browser.follow("#try-link");
            rate(browser, REQUEST_67);
            assertThat(outcome(browser, "2.1.1")).startsWith("Requires improvement");
            checkPage(browser, "10-try-served");
        }
    }

    /** On the shared service with the same users: a refused sign-in changes nothing. */
    @Test
    void aWrongPasswordIsRefused() throws Exception {
        try (Browser browser = Browser.on(port)) {
            browser.open("/console/login");
            signIn(browser, "erin", "wrong");
            assertThat(browser.path()).isEqualTo("/console/login");
            assertThat(browser.find(".govuk-error-summary").getText()).contains("not right");
            checkPage(browser, "00-sign-in-refused");
        }
    }

    private static void signIn(Browser browser, String user, String password) {
        browser.find("#username").sendKeys(user);
        browser.find("#password").sendKeys(password);
        browser.follow("#sign-in");
    }

    private static void upload(Browser browser, String input, Path... files) {
        browser.find(input)
            .sendKeys(Stream.of(files).map(f -> f.toAbsolutePath().toString()).collect(Collectors.joining("\n")));
    }

    private static void rate(Browser browser, Path request) throws IOException {
        WebElement box = browser.find("#request");
        box.clear();
        // Typed through the page's own value, not keystrokes: the box is a plain
        // textarea.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                box, Files.readString(request));
        browser.follow("#rate-button");
    }

    private static String outcome(Browser browser, String result) {
        return browser.find("#outcomes tr[data-result='" + result + "'] td:nth-child(2)").getText();
    }

    private static WebElement grid(Browser browser, String file) {
        return browser.find("table.console-grid[data-file='" + file + "']");
    }

    /** The grid's cell in the rule's row and the column of that label. */
    private static WebElement cell(Browser browser, String file, String rule, String label) {
        WebElement table = grid(browser, file);
        List<WebElement> headers = table.findElements(By.cssSelector("thead th"));
        int column = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).getText().contains(label)) {
                column = i;
            }
        }
        assertThat(column).as("a column labelled %s", label).isPositive();
        for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
            List<WebElement> cells = row.findElements(By.cssSelector("td"));
            if (cells.stream().anyMatch(c -> c.getText().equals(rule))) {
                return cells.get(column);
            }
        }
        throw new AssertionError("no row for " + rule + " in " + file);
    }

    private static void checkPage(Browser browser, String name) throws IOException {
        browser.screenshot(name);
        assertThat(browser.seriousViolations()).as("serious accessibility violations on %s", name).isEmpty();
    }

}
