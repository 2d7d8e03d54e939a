package uk.inspection.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule store over a real Git repository in a temporary folder. */
class GitRuleStoreTest {

    @Test
    void aNewStoreIsSeededFromTheRulesHomeAndServesItsFrameworks(@TempDir Path data) throws Exception {
        try (GitRuleStore store = open(data)) {
            ObjectId head = store.head(GitRuleStore.PUBLISHED);
            CommitSnapshot snapshot = new CommitSnapshot(store, head);

            assertThat(snapshot.frameworks()).contains("yj-2018", "yj-2024");
            assertThat(snapshot.files("yj-2024")).extracting(f -> f.path())
                .contains("rules/yj-2024/framework.yaml", "decision-tables/yj-2024/bandings.drl.xlsx");
            assertThat(store.files(head, List.of("fixtures/yj-2024"))).isNotEmpty();
            assertThat(store.log(GitRuleStore.PUBLISHED)).singleElement()
                .satisfies(c -> assertThat(c.trailer("Step")).isEqualTo("seeded"));
        }
    }

    @Test
    void aBranchOnlyMovesForwardFromTheCommitAChangeWasBasedOn(@TempDir Path data) throws Exception {
        try (GitRuleStore store = open(data)) {
            ObjectId seed = store.head(GitRuleStore.PUBLISHED);
            ObjectId next = store.commit(GitRuleStore.PUBLISHED, seed, seed, null,
                    Map.of("rules/yj-2024/notes.drl", "package yj2024;\n".getBytes()), GitRuleStore.person("erin"),
                    "One\n\nStep: published\n");

            assertThatThrownBy(() -> store.commit(GitRuleStore.PUBLISHED, seed, seed, null,
                    Map.of("rules/yj-2024/other.drl", "x".getBytes()), GitRuleStore.person("sam"), "Two"))
                .isInstanceOf(StoreConflictException.class);
            assertThat(store.head(GitRuleStore.PUBLISHED)).isEqualTo(next);
            assertThat(store.log(GitRuleStore.PUBLISHED)).hasSize(2);
            assertThat(store.changed(seed, next, "rules/yj-2024")).containsExactly("rules/yj-2024/notes.drl");
        }
    }

    @Test
    void reopeningAStoreKeepsItsHistoryAndDoesNotSeedAgain(@TempDir Path data) throws Exception {
        ObjectId head;
        try (GitRuleStore store = open(data)) {
            ObjectId seed = store.head(GitRuleStore.PUBLISHED);
            head = store.commit(GitRuleStore.PUBLISHED, seed, seed, null,
                    Map.of("fixtures/yj-2024/x.json", "{}".getBytes()), GitRuleStore.person("erin"), "Add");
        }
        try (GitRuleStore store = open(data)) {
            assertThat(store.head(GitRuleStore.PUBLISHED)).isEqualTo(head);
            assertThat(store.log(GitRuleStore.PUBLISHED)).hasSize(2);
        }
    }

    private static GitRuleStore open(Path data) throws Exception {
        return GitRuleStore.open(new StoreProperties(null, null, null, null, data.toString()), Path.of("."));
    }

}
