package uk.inspection.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.Eventually;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * Decision records on the embedded defaults (an H2 database in a file, the rule store):
 * every decision answered carries its id and is kept; it can be read, exported and
 * replayed as identical after the rules changed and after a restart; a client reads only
 * its own.
 */
class DecisionRecordsTest {

    static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    static final String[] SETTINGS = { "--access.api-keys[0].name=northtown", "--access.api-keys[0].key=k-north",
            "--access.api-keys[1].name=southtown", "--access.api-keys[1].key=k-south",
            "--access.users[0].username=erin", "--access.users[0].password={noop}e",
            "--access.users[0].roles=methodology-editor", "--access.users[1].username=alex",
            "--access.users[1].password={noop}a", "--access.users[1].roles=methodology-approver" };

    static final String[] NORTH = { "X-Api-Key", "k-north" };

    static final String[] ALEX = { "Authorization", ApiClient.basic("alex", "a") };

    @Test
    void aDecisionIsKeptReadReplayedAsIdenticalAfterAPublishAndARestart(@TempDir Path data, @TempDir Path home)
            throws Exception {
        RulesHomeCopy seed = RulesHomeCopy.of(home, "yj-2024").withFixtures();
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        String id;
        try (RunningService service = RunningService.onStore(data, seed, SETTINGS)) {
            ApiClient api = service.api();
            Reply rated = api.post(RATE, request, NORTH);
            id = rated.body().at("/decisionId").asText();
            assertThat(id).startsWith("dec-");
            JsonNode record = eventually(() -> api.get("/api/v1/decisions/" + id, NORTH));
            assertThat(record.at("/framework").asText()).isEqualTo("yj-2024");
            assertThat(record.at("/rulesetVersion").asText()).isEqualTo(rated.body().at("/rulesetVersion").asText());
            assertThat(record.at("/storeCommit").asText())
                .isEqualTo(api.get("/api/v1/store").body().at("/servingCommit").asText());
            assertThat(record.at("/client").asText()).isEqualTo("key:northtown");
            // 2.1 Good (67%: 2), 2.2, 2.3 and V1 Outstanding (3 each): 11 of 12,
            // Outstanding
            assertThat(record.at("/outcome").asText()).isEqualTo("OUTSTANDING");
            assertThat(record.at("/request/keyQuestions/2.1.1/percentage").asDouble()).isEqualTo(67.0);
            assertThat(record.at("/response/overall/rating").asText()).isEqualTo("OUTSTANDING");
            // The record keeps the answer as it was sent, but for the id it carries.
            JsonNode answered = rated.body().deepCopy();
            ((ObjectNode) answered).remove("decisionId");
            assertThat(record.get("response")).isEqualTo(answered);

            // Another client does not see it; nobody signed in does not either.
            assertThat(api.get("/api/v1/decisions/" + id, "X-Api-Key", "k-south").status()).isEqualTo(404);
            assertThat(api.get("/api/v1/decisions/" + id).status()).isEqualTo(401);
            assertThat(api.get("/api/v1/decisions?framework=yj-2024", "X-Api-Key", "k-south").body()).isEmpty();

            // A rating with its margins is recorded with them. 2.1.1 67%: 65% is still
            // Good, 64% is not (3 points down).
            Reply explained = api.post(RATE + "?explain=margins", request, NORTH);
            String explainedId = explained.body().at("/decisionId").asText();
            assertThat(explained.body().at("/keyQuestions/2.1.1/margins/down/points").asInt()).isEqualTo(3);
            assertThat(eventually(() -> api.get("/api/v1/decisions/" + explainedId, NORTH))
                .at("/response/keyQuestions/2.1.1/margins"))
                .isEqualTo(explained.body().at("/keyQuestions/2.1.1/margins"));

            // The rules change: Good now starts at 70%; the recorded decisions still
            // replay identical, the margins decided again with the version recorded.
            publishGoodFrom70(api);
            assertThat(api.post(RATE, request, NORTH).body().at("/keyQuestions/2.1.1/rating").asText())
                .isEqualTo("REQUIRES_IMPROVEMENT");
            Reply replay = api.post("/api/v1/decisions/" + id + "/replay", "", ALEX);
            assertThat(replay.body().at("/identical").asBoolean()).as(replay.text()).isTrue();
            Reply replayExplained = api.post("/api/v1/decisions/" + explainedId + "/replay", "", ALEX);
            assertThat(replayExplained.body().at("/identical").asBoolean()).as(replayExplained.text()).isTrue();
        }
        try (RunningService service = RunningService.onStore(data, seed, SETTINGS)) {
            ApiClient api = service.api();
            Reply replay = api.post("/api/v1/decisions/" + id + "/replay", "", NORTH);
            assertThat(replay.body().at("/identical").asBoolean()).as(replay.text()).isTrue();
            List<String> listed = api.get("/api/v1/decisions?framework=yj-2024&outcome=OUTSTANDING", ALEX)
                .body()
                .findValuesAsText("id");
            assertThat(listed).contains(id);
            String export = api.get("/api/v1/decisions/export?framework=yj-2024", NORTH).text();
            assertThat(export.lines())
                .anySatisfy(line -> assertThat(new ObjectMapper().readTree(line).at("/id").asText()).isEqualTo(id));
        }
    }

    @Test
    void aProbationFollowUpIsRecordedAndReplayedToo(@TempDir Path data, @TempDir Path home) throws Exception {
        RulesHomeCopy seed = RulesHomeCopy.of(home, "probation-follow-up").withFixtures();
        JsonNode fixture = new ObjectMapper()
            .readTree(Path.of("fixtures/probation-follow-up/core-report-ten-recommendations-no-flag.json").toFile());
        try (RunningService service = RunningService.onStore(data, seed, SETTINGS)) {
            ApiClient api = service.api();
            Reply decided = api.post("/api/v1/probation/follow-ups", fixture.get("request").toString(), NORTH);
            assertThat(decided.status()).as(decided.text()).isEqualTo(200);
            String id = decided.body().at("/decisionId").asText();
            assertThat(id).startsWith("dec-");
            JsonNode record = eventually(() -> api.get("/api/v1/decisions/" + id, NORTH));
            assertThat(record.at("/kind").asText()).isEqualTo("FOLLOW_UP");
            assertThat(record.at("/framework").asText()).isEqualTo("probation-follow-up");
            assertThat(record.at("/service").asText()).isEqualTo("Inspection of Newcastle PDU");
            // the fixture's worked answer: the region and the PDU prepare the plan
            assertThat(record.at("/response/actionPlan/preparedBy").asText()).isEqualTo("REGION_AND_PDU");
            assertThat(record.at("/outcome").asText()).isEqualTo("ACTION_PLAN_BY_REGION_AND_PDU");
            Reply replay = api.post("/api/v1/decisions/" + id + "/replay", "", ALEX);
            assertThat(replay.body().at("/identical").asBoolean()).as(replay.text()).isTrue();
        }
    }

    /**
     * Publishes the example change (Good from 70%, with its fixtures) through a draft and
     * a second person's approval.
     */
    static void publishGoodFrom70(ApiClient api) throws Exception {
        Path example = Path.of("examples/good-from-70");
        List<FilePart> files = new java.util.ArrayList<>();
        files.add(new FilePart("files", "decision-tables/yj-2024/bandings.drl.xlsx",
                Files.readAllBytes(example.resolve("decision-tables/yj-2024/bandings.drl.xlsx"))));
        try (var fixtures = Files.list(example.resolve("fixtures/yj-2024"))) {
            for (Path file : fixtures.sorted().toList()) {
                files.add(new FilePart("files", "fixtures/yj-2024/" + file.getFileName(), Files.readAllBytes(file)));
            }
        }
        Reply draft = api.upload("/api/v1/frameworks/yj-2024/drafts", files, Map.of(), "Authorization",
                ApiClient.basic("erin", "e"));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        Reply approved = api.approve(draft.body().at("/draft/id").asText(), "", ALEX);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    }

    /**
     * A record appears once the importer has taken it from the journal to the database.
     */
    static JsonNode eventually(java.util.function.Supplier<Reply> read) throws Exception {
        Reply reply = Eventually.poll(Duration.ofSeconds(30), read::get, answer -> answer.status() == 200);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.body();
    }

}
