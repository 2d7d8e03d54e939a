package uk.inspection.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import uk.inspection.ruleset.DataFolder;
import uk.inspection.store.GitRuleStore;
import uk.inspection.store.StoreProperties;
import uk.inspection.support.AdjustableClock;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.Eventually;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * Versions published to take effect later, on two instances sharing one store (one opens
 * it, one mirrors it over {@code file://}), both on a clock the test moves: a scheduled
 * version is published at once but decides nothing until its instant, on either instance;
 * it can be pinned, asked for as of a date, cancelled; back-dating and overtaking a
 * scheduled version are refused; a restart keeps the schedule.
 */
class ScheduledPublicationTest {

    private static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    private static final String VERSIONS = "/api/v1/frameworks/yj-2024/versions";

    private static final String[] EDITOR = { "Authorization", ApiClient.basic("erin", "e") };

    private static final String[] APPROVER = { "Authorization", ApiClient.basic("alex", "a") };

    /** Made after the store's first commit, which takes effect when it is made. */
    private static AdjustableClock clock;

    @TempDir
    static Path temp;

    private static Path shared;

    private static RunningService first;

    private static RunningService second;

    private static String request;

    private static int edits;

    @BeforeAll
    static void start() throws Exception {
        shared = temp.resolve("shared.git");
        GitRuleStore
            .open(new StoreProperties(shared.toString(), null, null, null),
                    new DataFolder(temp.resolve("s").toString()),
                    RulesHomeCopy.of(temp.resolve("home"), "yj-2024").withFixtures().home())
            .close();
        clock = new AdjustableClock();
        first = start(temp.resolve("a"), shared.toString());
        second = start(temp.resolve("b"), shared.toUri().toString());
        request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
    }

    private static RunningService start(Path data, String store) {
        return RunningService.onStore(data, clock.asBean(), "--rules.store=" + store, "--rules.store-refresh=200ms",
                "--access.users[0].username=erin", "--access.users[0].password={noop}e",
                "--access.users[0].roles=methodology-editor", "--access.users[1].username=alex",
                "--access.users[1].password={noop}a", "--access.users[1].roles=methodology-approver");
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void aScheduledVersionDecidesNothingUntilItsInstantThenEverythingOnBothInstances() throws Exception {
        String before = version(first.post(RATE, request));
        Instant from = clock.instant().plus(Duration.ofHours(1));

        Reply approved = approve(draft(), from);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        JsonNode scheduled = versions().get(0);
        String after = scheduled.path("rulesetVersion").asText();
        assertThat(after).isNotEqualTo(before);
        assertThat(scheduled.path("state").asText()).isEqualTo("scheduled");
        assertThat(scheduled.path("effectiveFrom").asText()).isEqualTo(from.toString());
        assertThat(versions().get(1).path("state").asText()).isEqualTo("in-force");
        assertThat(versions().get(1).path("effectiveUntil").asText()).isEqualTo(from.toString());

        // published to the store, seen by the second instance, served by neither
        awaitSecondOnFirstsCommit();
        assertThat(version(first.post(RATE, request))).isEqualTo(before);
        assertThat(version(second.post(RATE, request))).isEqualTo(before);

        // pinnable, and found as of its instant, before it takes effect
        Reply pinned = first.post(RATE, request, "Ruleset-Version", after);
        assertThat(version(pinned)).isEqualTo(after);
        assertThat(pinned.body().path("rulesetEffectiveFrom").asText()).isEqualTo(from.toString());
        assertThat(version(second.post(RATE, request, "Ruleset-As-Of", from.toString()))).isEqualTo(after);
        assertThat(version(second.post(RATE, request, "Ruleset-As-Of", from.minusMillis(1).toString())))
            .isEqualTo(before);

        clock.set(from.minusMillis(1));
        assertThat(version(first.post(RATE, request))).isEqualTo(before);
        clock.set(from);
        // from the instant itself, with no refresh in between, on both
        Reply now = second.post(RATE, request);
        assertThat(version(now)).isEqualTo(after);
        assertThat(now.body().path("rulesetEffectiveFrom").asText()).isEqualTo(from.toString());
        assertThat(version(first.post(RATE, request))).isEqualTo(after);
        assertThat(versions().get(0).path("state").asText()).isEqualTo("in-force");
        assertThat(versions().get(1).path("state").asText()).isEqualTo("superseded");
        // and the instance goes live on it by itself (its readiness and listings say so)
        Eventually.poll(Duration.ofSeconds(30),
                () -> first.get("/api/v1/frameworks/yj-2024").body().path("rulesetVersion").asText(), after::equals);
    }

    @Test
    void asOfPicksTheVersionInForceAcrossThreePublishesOneOfThemScheduled() throws Exception {
        String one = version(first.post(RATE, request));
        Instant oneFrom = Instant.parse(first.post(RATE, request).body().path("rulesetEffectiveFrom").asText());
        clock.advance(Duration.ofMinutes(5));
        Instant twoFrom = clock.instant();
        assertThat(approve(draft(), null).status()).isEqualTo(200);
        String two = versions().get(0).path("rulesetVersion").asText();
        Instant threeFrom = twoFrom.plus(Duration.ofDays(2));
        assertThat(approve(draft(), threeFrom).status()).isEqualTo(200);
        String three = versions().get(0).path("rulesetVersion").asText();

        assertThat(version(first.post(RATE, request, "Ruleset-As-Of", oneFrom.toString()))).isEqualTo(one);
        assertThat(version(first.post(RATE, request, "Ruleset-As-Of", twoFrom.minusMillis(1).toString())))
            .isEqualTo(one);
        assertThat(version(first.post(RATE, request, "Ruleset-As-Of", twoFrom.toString()))).isEqualTo(two);
        assertThat(version(first.post(RATE, request))).isEqualTo(two);
        assertThat(version(first.post(RATE, request, "Ruleset-As-Of", threeFrom.minusSeconds(1).toString())))
            .isEqualTo(two);
        Reply asOfThree = first.post(RATE, request, "Ruleset-As-Of", threeFrom.plus(Duration.ofDays(400)).toString());
        assertThat(version(asOfThree)).isEqualTo(three);
        assertThat(asOfThree.body().path("rulesetEffectiveFrom").asText()).isEqualTo(threeFrom.toString());
        // a date is the start of that day in London
        LocalDate dayOfThree = threeFrom.atZone(ZoneId.of("Europe/London")).toLocalDate().plusDays(1);
        assertThat(version(first.post(RATE, request, "Ruleset-As-Of", dayOfThree.toString()))).isEqualTo(three);

        Reply none = first.post(RATE, request, "Ruleset-As-Of", "2001-01-01");
        assertThat(none.status()).as(none.text()).isEqualTo(422);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.body().at("/errors/0/field").asText()).isEqualTo("Ruleset-As-Of");
        Reply both = first.post(RATE, request, "Ruleset-As-Of", "2026-01-01", "Ruleset-Version", one);
        assertThat(both.status()).as(both.text()).isEqualTo(400);
        assertThat(both.body().at("/errors/0/field").asText()).isEqualTo("Ruleset-As-Of");
        Reply unreadable = first.post(RATE, request, "Ruleset-As-Of", "next Tuesday");
        assertThat(unreadable.status()).as(unreadable.text()).isEqualTo(400);
        assertThat(unreadable.body().at("/errors/0/field").asText()).isEqualTo("Ruleset-As-Of");

        clock.set(threeFrom);
    }

    /**
     * "From 1 April": a date alone takes effect at the start of that day in London, as
     * Ruleset-As-Of reads one.
     */
    @Test
    void aDateAloneTakesEffectAtTheStartOfThatDayInLondon() throws Exception {
        LocalDate day = clock.instant().atZone(ZoneId.of("Europe/London")).toLocalDate().plusDays(3);
        String draft = draft();
        String head = first.get("/api/v1/drafts/" + draft, APPROVER).body().at("/draft/head").asText();
        Reply approved = first.api()
            .post("/api/v1/drafts/" + draft + "/approve", Map.of("head", head, "effectiveFrom", day.toString()),
                    APPROVER);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        Instant startOfDay = day.atStartOfDay(ZoneId.of("Europe/London")).toInstant();
        assertThat(versions().get(0).path("effectiveFrom").asText()).isEqualTo(startOfDay.toString());
        assertThat(versions().get(0).path("state").asText()).isEqualTo("scheduled");

        Reply unreadable = first.api()
            .post("/api/v1/drafts/" + draft() + "/approve", Map.of("head", head, "effectiveFrom", "1 April"), APPROVER);
        assertThat(unreadable.status()).as(unreadable.text()).isEqualTo(400);
        assertThat(unreadable.body().at("/errors/0/field").asText()).isEqualTo("effectiveFrom");
        clock.set(startOfDay);
    }

    @Test
    void backDatingAndOvertakingAScheduledVersionAreRefused() throws Exception {
        String draft = draft();
        Reply past = approve(draft, clock.instant().minusSeconds(60));
        assertThat(past.status()).as(past.text()).isEqualTo(422);
        assertThat(past.body().at("/errors/0/field").asText()).isEqualTo("effectiveFrom");
        assertThat(first.get("/api/v1/drafts/" + draft, EDITOR).body().at("/draft/status").asText()).isEqualTo("OPEN");

        Instant from = clock.instant().plus(Duration.ofHours(3));
        assertThat(approve(draft, from).status()).isEqualTo(200);
        Reply now = approve(draft(), null);
        assertThat(now.status()).as(now.text()).isEqualTo(422);
        assertThat(now.body().at("/errors/0/field").asText()).isEqualTo("effectiveFrom");
        assertThat(now.body().at("/errors/0/message").asText()).contains(from.toString());
        Reply earlier = approve(draft(), from.minusSeconds(1));
        assertThat(earlier.status()).as(earlier.text()).isEqualTo(422);

        clock.set(from);
    }

    @Test
    void cancellingAScheduledVersionLeavesTheOneInForceServingAndItsFilesPublished() throws Exception {
        String inForce = version(first.post(RATE, request));
        byte[] inForceFile = publishedTriggers();
        Instant from = clock.instant().plus(Duration.ofHours(1));
        assertThat(approve(draft(), from).status()).isEqualTo(200);
        String scheduled = versions().get(0).path("rulesetVersion").asText();

        Reply noReason = first.api().post(VERSIONS + "/" + scheduled + "/cancel", Map.of(), APPROVER);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body().at("/errors/0/field").asText()).isEqualTo("reason");
        assertThat(first.api().post(VERSIONS + "/" + scheduled + "/cancel", Map.of("reason", "x"), EDITOR).status())
            .isEqualTo(403);
        Reply inForceCancelled = first.api()
            .post(VERSIONS + "/" + inForce + "/cancel", Map.of("reason", "too late"), APPROVER);
        assertThat(inForceCancelled.status()).as(inForceCancelled.text()).isEqualTo(409);

        Reply cancelled = first.api()
            .post(VERSIONS + "/" + scheduled + "/cancel",
                    Map.of("reason", "the board asked for another month of consultation"), APPROVER);
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.body().at("/cancelled/by").asText()).as(cancelled.text()).isEqualTo("alex");
        JsonNode listed = versions().get(0);
        assertThat(listed.path("rulesetVersion").asText()).isEqualTo(scheduled);
        assertThat(listed.path("state").asText()).isEqualTo("cancelled");
        assertThat(listed.at("/cancelled/reason").asText()).contains("consultation");
        assertThat(versions().get(1).path("state").asText()).isEqualTo("in-force");
        assertThat(versions().get(1).has("effectiveUntil")).isFalse();
        assertThat(publishedTriggers()).isEqualTo(inForceFile);
        assertThat(first.get("/api/v1/frameworks/yj-2024/history", EDITOR).body().get(0).path("step").asText())
            .isEqualTo("cancelled");

        clock.set(from.plusSeconds(1));
        assertThat(version(first.post(RATE, request))).isEqualTo(inForce);
        awaitSecondOnFirstsCommit();
        assertThat(version(second.post(RATE, request))).isEqualTo(inForce);
        // pinned, a cancelled version is still what it was: every published version stays
        // reproducible
        Reply pinned = first.post(RATE, request, "Ruleset-Version", scheduled);
        assertThat(version(pinned)).isEqualTo(scheduled);
        assertThat(pinned.body().has("rulesetEffectiveFrom")).isFalse();
    }

    /**
     * The same rules published twice (a rollback scheduled to restore them): pinned, they
     * report the publication that has taken effect, until the later one does.
     */
    @Test
    void aPinnedVersionPublishedAgainLaterReportsThePublicationInForce() throws Exception {
        Reply before = first.post(RATE, request);
        String restored = version(before);
        String tookEffect = before.body().path("rulesetEffectiveFrom").asText();
        clock.advance(Duration.ofMinutes(1));
        assertThat(approve(draft(), null).status()).isEqualTo(200);
        Instant from = clock.instant().plus(Duration.ofHours(1));
        String rollback = first.api()
            .post("/api/v1/frameworks/yj-2024/rollbacks", Map.of("to", restored), EDITOR)
            .body()
            .at("/draft/id")
            .asText();
        assertThat(approve(rollback, from).status()).isEqualTo(200);

        Reply pinned = first.post(RATE, request, "Ruleset-Version", restored);
        assertThat(version(pinned)).isEqualTo(restored);
        assertThat(pinned.body().path("rulesetEffectiveFrom").asText()).isEqualTo(tookEffect);
        clock.set(from);
        assertThat(first.post(RATE, request, "Ruleset-Version", restored).body().path("rulesetEffectiveFrom").asText())
            .isEqualTo(from.toString());
        assertThat(first.post(RATE, request).body().path("rulesetEffectiveFrom").asText()).isEqualTo(from.toString());
    }

    @Test
    void aRestartBetweenApprovalAndItsInstantKeepsTheSchedule(@TempDir Path data) throws Exception {
        String before = version(first.post(RATE, request));
        Instant from = clock.instant().plus(Duration.ofHours(1));
        assertThat(approve(draft(), from).status()).isEqualTo(200);
        String after = versions().get(0).path("rulesetVersion").asText();
        try (RunningService restarted = start(data, shared.toString())) {
            assertThat(version(restarted.post(RATE, request))).isEqualTo(before);
            clock.set(from);
            assertThat(version(restarted.post(RATE, request))).isEqualTo(after);
        }
    }

    private static String draft() throws IOException {
        String text = Files.readString(Path.of("rules/yj-2024/triggers.drl")) + "\n// edit " + ++edits + "\n";
        return first.api()
            .upload("/api/v1/frameworks/yj-2024/drafts",
                    List.of(new FilePart("files", "triggers.drl", text.getBytes())), Map.of(), EDITOR)
            .body()
            .at("/draft/id")
            .asText();
    }

    private static Reply approve(String draft, Instant effectiveFrom) {
        String head = first.get("/api/v1/drafts/" + draft, APPROVER).body().at("/draft/head").asText();
        return first.api()
            .post("/api/v1/drafts/" + draft + "/approve", effectiveFrom == null ? Map.of("head", head)
                    : Map.of("head", head, "effectiveFrom", effectiveFrom.toString()), APPROVER);
    }

    private static JsonNode versions() {
        return first.get(VERSIONS, EDITOR).body();
    }

    private static String version(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.body().path("rulesetVersion").asText();
    }

    private static void awaitSecondOnFirstsCommit() throws Exception {
        String commit = first.get("/api/v1/store").body().path("servingCommit").asText();
        Eventually.poll(Duration.ofSeconds(30), () -> second.get("/api/v1/store").body().path("servingCommit").asText(),
                commit::equals);
    }

    private static byte[] publishedTriggers() throws Exception {
        try (GitRuleStore store = GitRuleStore.openExisting(shared)) {
            return store.filesAt(GitRuleStore.PUBLISHED, List.of("rules/yj-2024"))
                .orElseThrow()
                .get("rules/yj-2024/triggers.drl");
        }
    }

}
