package uk.inspection.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.RunningService;

/**
 * A rule change from upload to publish and back, as the methodology team makes it over
 * HTTP, on a real store in a temporary folder: the refusals that leave the store as it
 * was, a draft's review, four-eyes approval, a stale draft and a conflicting one, a
 * restart that still reproduces the old decision, and a rollback through the same
 * approval.
 */
class RuleStoreWorkflowTest {

    private static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    private static final String BANDINGS = "decision-tables/yj-2024/bandings.drl.xlsx";

    private static final Path EXAMPLE = Path.of("examples/good-from-70");

    private static final String[] USERS = { "--access.users[0].username=erin", "--access.users[0].password={noop}e",
            "--access.users[0].roles=methodology-editor", "--access.users[1].username=alex",
            "--access.users[1].password={noop}a", "--access.users[1].roles=methodology-approver",
            "--access.users[2].username=sam", "--access.users[2].password={noop}s",
            "--access.users[2].roles=methodology-editor,methodology-approver" };

    private static final String[] ERIN = { "Authorization", ApiClient.basic("erin", "e") };

    private static final String[] ALEX = { "Authorization", ApiClient.basic("alex", "a") };

    private static final String[] SAM = { "Authorization", ApiClient.basic("sam", "s") };

    @Test
    void aChangeIsProposedReviewedApprovedPublishedReproducedAndRolledBack(@TempDir Path data) throws Exception {
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        String original;
        String edited;
        try (RunningService service = RunningService.onStore(data, USERS)) {
            ApiClient api = service.api();
            Reply before = api.post(RATE, request);
            original = before.body().at("/rulesetVersion").asText();
            assertThat(before.body().at("/keyQuestions/2.1.1/rating").asText()).isEqualTo("GOOD");
            String head = api.get("/api/v1/store").body().at("/publishedHead").asText();

            refusalsLeaveTheStoreAsItWas(api, head);

            // Erin uploads the edited table: the review shows what it does.
            Reply created = api.upload("/api/v1/frameworks/yj-2024/drafts",
                    List.of(file("files", "bandings.drl.xlsx", EXAMPLE.resolve(BANDINGS))),
                    Map.of("message", "Good from 70%"), ERIN);
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String draft = created.body().at("/draft/id").asText();
            assertThat(created.location()).isEqualTo("/api/v1/drafts/" + draft);
            JsonNode review = api.get("/api/v1/drafts/" + draft, ALEX).body().at("/review");
            assertThat(review.at("/validation")).isEmpty();
            assertThat(review.at("/fixtures/failed").asInt()).isEqualTo(7);
            assertThat(review.at("/impact/transitions/GOOD->REQUIRES_IMPROVEMENT").asInt()).isPositive();
            assertThat(review.at("/diff/0/lines").toString()).contains(
                    "decision-tables/yj-2024/bandings.drl.xlsx, Bandings, row 15 \\\"Band: Reasonable majority\\\": Share from (%) 65 → 70");
            assertThat(review.at("/diff/0/cells/0/before").asText()).isEqualTo("65");
            assertThat(review.at("/diff/0/cells/0/after").asText()).isEqualTo("70");

            // It fails fixtures that pin the old edge, so it cannot be approved; amended
            // with them, it can.
            Reply failing = api.approve(draft, "", ALEX);
            assertThat(failing.status()).isEqualTo(409);
            assertThat(failing.body().at("/detail").asText()).contains("7 failing fixture(s)");
            assertThat(publishedHead(api)).isEqualTo(head);
            Reply amended = api.upload("/api/v1/drafts/" + draft + "/files", exampleFixtures(), Map.of(), ERIN);
            assertThat(amended.status()).as(amended.text()).isEqualTo(200);
            assertThat(amended.body().at("/review/fixtures/failed").asInt()).isZero();

            // A second draft, by someone who may approve: not their own, and not once the
            // published version moved.
            String other = api
                .upload("/api/v1/frameworks/yj-2024/drafts", List.of(drl("triggers.drl", "a comment")), Map.of(), SAM)
                .body()
                .at("/draft/id")
                .asText();
            Reply self = api.approve(other, "", SAM);
            assertThat(self.status()).isEqualTo(403);
            assertThat(self.body().at("/detail").asText()).contains("author");

            Reply published = api.approve(draft, "Agreed at the panel", ALEX);
            assertThat(published.status()).as(published.text()).isEqualTo(200);
            assertThat(published.body().at("/status").asText()).isEqualTo("PUBLISHED");
            Reply after = api.post(RATE, request);
            edited = after.body().at("/rulesetVersion").asText();
            assertThat(edited).isNotEqualTo(original);
            assertThat(after.body().at("/keyQuestions/2.1.1/rating").asText()).isEqualTo("REQUIRES_IMPROVEMENT");
            JsonNode framework = api.get("/api/v1/frameworks/yj-2024").body();
            assertThat(framework.at("/storeCommit").asText()).isEqualTo(publishedHead(api));
            assertThat(framework.at("/published/author").asText()).isEqualTo("erin");
            assertThat(framework.at("/published/approver").asText()).isEqualTo("alex");

            Reply stale = api.approve(other, "", ALEX);
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.body().at("/detail").asText()).contains("rebase");
            assertThat(api.post("/api/v1/drafts/" + other + "/rebase", "", SAM).status()).isEqualTo(200);

            // Two drafts of one file: the second, once the first is published, conflicts.
            String first = api
                .upload("/api/v1/frameworks/yj-2024/drafts", List.of(drl("victims.drl", "one")), Map.of(), ERIN)
                .body()
                .at("/draft/id")
                .asText();
            String second = api
                .upload("/api/v1/frameworks/yj-2024/drafts", List.of(drl("victims.drl", "two")), Map.of(), SAM)
                .body()
                .at("/draft/id")
                .asText();
            assertThat(api.approve(first, "", ALEX).status()).isEqualTo(200);
            Reply conflict = api.post("/api/v1/drafts/" + second + "/rebase", "", SAM);
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.body().at("/errors/0/field").asText()).isEqualTo("rules/yj-2024/victims.drl");
            assertThat(api.post("/api/v1/drafts/" + second + "/withdraw", "", SAM).status()).isEqualTo(200);
        }

        // After a restart the store still serves the published version and reproduces the
        // old one.
        try (RunningService service = RunningService.onStore(data, USERS)) {
            ApiClient api = service.api();
            assertThat(api.post(RATE, request).body().at("/keyQuestions/2.1.1/rating").asText())
                .isEqualTo("REQUIRES_IMPROVEMENT");
            Reply pinned = api.post(RATE, request, "Ruleset-Version", original);
            assertThat(pinned.status()).isEqualTo(200);
            assertThat(pinned.body().at("/rulesetVersion").asText()).isEqualTo(original);
            assertThat(pinned.body().at("/keyQuestions/2.1.1/rating").asText()).isEqualTo("GOOD");
            JsonNode versions = api.get("/api/v1/frameworks/yj-2024/versions", ERIN).body();
            assertThat(versions.findValuesAsText("rulesetVersion")).contains(original, edited);

            Reply rollback = api.post("/api/v1/frameworks/yj-2024/rollbacks", "{\"to\": \"" + original + "\"}", ERIN);
            assertThat(rollback.status()).as(rollback.text()).isEqualTo(201);
            assertThat(rollback.body().at("/review/fixtures/failed").asInt()).isZero();
            String undo = rollback.body().at("/draft/id").asText();
            assertThat(api.approve(undo, "", ALEX).status()).isEqualTo(200);
            Reply restored = api.post(RATE, request);
            assertThat(restored.body().at("/rulesetVersion").asText()).isEqualTo(original);
            assertThat(restored.body().at("/keyQuestions/2.1.1/rating").asText()).isEqualTo("GOOD");

            List<String> steps = api.get("/api/v1/frameworks/yj-2024/history", ALEX).body().findValuesAsText("step");
            assertThat(steps).contains("seeded", "created", "amended", "published", "rebased", "withdrawn",
                    "rolled-back");
        }
    }

    private static void refusalsLeaveTheStoreAsItWas(ApiClient api, String head) throws IOException {
        byte[] table = Files.readAllBytes(EXAMPLE.resolve(BANDINGS));
        Reply outside = api.upload("/api/v1/frameworks/yj-2024/drafts",
                List.of(new FilePart("files", "../../pom.xml", "x".getBytes())), Map.of(), ERIN);
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body().at("/errors/0/field").asText()).isEqualTo("files[0]");
        Reply otherFramework = api.upload("/api/v1/frameworks/yj-2024/drafts",
                List.of(new FilePart("decision-tables/yj-2018/bandings.drl.xlsx", "b.xlsx", table)), Map.of(), ERIN);
        assertThat(otherFramework.status()).isEqualTo(422);
        assertThat(otherFramework.body().at("/errors/0/message").asText()).contains("outside the framework's folders");
        Reply bomb = api.upload("/api/v1/frameworks/yj-2024/drafts",
                List.of(new FilePart("files", "bandings.drl.xlsx", zipBomb())), Map.of(), ERIN);
        assertThat(bomb.status()).isEqualTo(422);
        assertThat(bomb.body().at("/errors/0/message").asText()).contains("zip bomb");
        Reply oversized = api.upload("/api/v1/frameworks/yj-2024/drafts",
                List.of(new FilePart("files", "bandings.drl.xlsx", new byte[6 * 1024 * 1024])), Map.of(), ERIN);
        assertThat(oversized.status()).isEqualTo(413);
        Reply anonymous = api.upload("/api/v1/frameworks/yj-2024/drafts",
                List.of(new FilePart("files", "bandings.drl.xlsx", table)), Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
        Reply approverOnly = api.upload("/api/v1/frameworks/yj-2024/drafts",
                List.of(new FilePart("files", "bandings.drl.xlsx", table)), Map.of(), ALEX);
        assertThat(approverOnly.status()).isEqualTo(403);
        assertThat(approverOnly.contentType()).startsWith("application/problem+json");

        assertThat(publishedHead(api)).isEqualTo(head);
        assertThat(api.get("/api/v1/frameworks/yj-2024/drafts", ERIN).body()).isEmpty();
    }

    private static String publishedHead(ApiClient api) {
        return api.get("/api/v1/store").body().at("/publishedHead").asText();
    }

    private static FilePart file(String part, String name, Path path) throws IOException {
        return new FilePart(part, name, Files.readAllBytes(path));
    }

    /** A shipped DRL file with a comment added, under the file's name alone. */
    private static FilePart drl(String name, String comment) throws IOException {
        String text = Files.readString(Path.of("rules/yj-2024").resolve(name)) + "\n// " + comment + "\n";
        return new FilePart("files", name, text.getBytes());
    }

    private static List<FilePart> exampleFixtures() throws IOException {
        List<FilePart> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLE.resolve("fixtures/yj-2024"))) {
            for (Path file : files.sorted().toList()) {
                parts.add(new FilePart("files", "fixtures/yj-2024/" + file.getFileName(), Files.readAllBytes(file)));
            }
        }
        return parts;
    }

    /** A few kilobytes that unpack to 40 MB of zeros. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

}
