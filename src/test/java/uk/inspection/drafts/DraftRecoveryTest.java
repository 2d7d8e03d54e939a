package uk.inspection.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;
import uk.inspection.store.GitRuleStore;
import uk.inspection.store.StoreCommit;

/**
 * An approval stopped at its worst point (a kill -9 just after the published branch moved
 * to the draft's merge, before the draft's own branch said so) is completed: on the next
 * refresh by an instance that is still running, and at the next start. The crash is
 * simulated by making the merge exactly as approve makes it, and stopping there.
 */
class DraftRecoveryTest {

    private static final String[] USERS = { "--access.users[0].username=erin", "--access.users[0].password={noop}e",
            "--access.users[0].roles=methodology-editor", "--access.users[1].username=alex",
            "--access.users[1].password={noop}a", "--access.users[1].roles=methodology-approver",
            "--rules.store-refresh=1h" };

    private static final String[] ERIN = { "Authorization", ApiClient.basic("erin", "e") };

    private static final String[] ALEX = { "Authorization", ApiClient.basic("alex", "a") };

    @Test
    void aDraftWhoseMergeReachedPublishedIsMarkedPublishedOnRefreshAndAtStart(@TempDir Path data, @TempDir Path home)
            throws Exception {
        RulesHomeCopy seed = RulesHomeCopy.of(home, "yj-2024").withFixtures();
        String refreshed;
        String restarted;
        String restartedMerge;
        try (RunningService service = RunningService.onStore(data, seed, USERS)) {
            refreshed = draft(service.api(), "// first edit\n");
            String merge = mergeAsApproveWould(data, draft(service.api(), refreshed, ALEX));
            service.post("/api/v1/store/refresh", "{}");

            JsonNode recovered = draft(service.api(), refreshed, ALEX);
            assertThat(recovered.at("/status").asText()).isEqualTo("PUBLISHED");
            assertThat(recovered.at("/publishedAs").asText()).isEqualTo(merge);

            restarted = draft(service.api(), "// second edit\n");
        }
        restartedMerge = mergeAsApproveWould(data, draftAt(data, restarted));
        try (RunningService service = RunningService.onStore(data, seed, USERS)) {
            JsonNode recovered = draft(service.api(), restarted, ALEX);
            assertThat(recovered.at("/status").asText()).isEqualTo("PUBLISHED");
            assertThat(recovered.at("/publishedAs").asText()).isEqualTo(restartedMerge);
            assertThat(recovered.at("/steps/0/step").asText()).isEqualTo("published");
            assertThat(service.get("/api/v1/store").body().at("/servingCommit").asText()).isEqualTo(restartedMerge);
        }
    }

    /** A draft of yj-2024's triggers with a line added; its id. */
    private static String draft(ApiClient api, String line) throws Exception {
        String text = Files.readString(Path.of("rules/yj-2024/triggers.drl")) + line;
        Reply created = api.upload("/api/v1/frameworks/yj-2024/drafts",
                List.of(new FilePart("files", "triggers.drl", text.getBytes())), Map.of(), ERIN);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().at("/draft/id").asText();
    }

    private static JsonNode draft(ApiClient api, String id, String... headers) {
        Reply reply = api.get("/api/v1/drafts/" + id, headers);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.body().at("/draft");
    }

    /** What a draft's branch says, read from the store while no service runs. */
    private static JsonNode draftAt(Path data, String id) throws Exception {
        try (GitRuleStore store = GitRuleStore.openExisting(data.resolve("rules.git"))) {
            ObjectId head = store.head(GitRuleStore.DRAFTS + id);
            StoreCommit created = store.log(GitRuleStore.DRAFTS + id).get(0);
            return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("id", id)
                .put("head", head.getName())
                .put("base", created.trailer("Base"))
                .put("author", created.author());
        }
    }

    /**
     * The first of approve's writes, as approve makes it: the draft's head merged onto
     * the published branch with the approval's trailers; the second is never made.
     */
    private static String mergeAsApproveWould(Path data, JsonNode draft) throws Exception {
        try (GitRuleStore store = GitRuleStore.openExisting(data.resolve("rules.git"))) {
            ObjectId base = ObjectId.fromString(draft.at("/base").asText());
            return store.commit(
                    GitRuleStore.PUBLISHED, base, base, ObjectId.fromString(draft.at("/head").asText()), Map.of(),
                    GitRuleStore.person(draft.at("/author").asText()), "Approved before the crash\n\nStep: published\n"
                            + "Framework: yj-2024\nDraft: " + draft.at("/id").asText() + "\nApproved-by: alex\n")
                .getName();
        }
    }

}
