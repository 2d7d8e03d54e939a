package uk.inspection.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.ruleset.DataFolder;

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

    @Test
    void garbageInThePublishedRefStopsStartUpNamingItAndSeedsNothing(@TempDir Path data) throws Exception {
        approvedChange(data);
        Path ref = data.resolve("rules.git/refs/heads/published");
        Files.writeString(ref, "garbage\n");

        assertThatThrownBy(() -> open(data).close()).isInstanceOf(IOException.class)
            .hasMessageContaining("refs/heads/published")
            .hasMessageContaining("backup");
        assertThat(Files.readString(ref)).as("nothing written over the damage").isEqualTo("garbage\n");
    }

    @Test
    void aMissingPublishedRefInAStoreThatHasHistoryStopsStartUp(@TempDir Path data) throws Exception {
        approvedChange(data);
        Files.delete(data.resolve("rules.git/refs/heads/published"));

        assertThatThrownBy(() -> open(data).close()).isInstanceOf(IOException.class)
            .hasMessageContaining("refs/heads/published")
            .hasMessageContaining("missing");
        assertThat(data.resolve("rules.git/refs/heads/published")).doesNotExist();
    }

    @Test
    void aMissingObjectStopsStartUpNamingTheFileItHeld(@TempDir Path data) throws Exception {
        approvedChange(data);
        ObjectId blob;
        try (Repository repository = Git.open(data.resolve("rules.git").toFile()).getRepository()) {
            blob = repository.resolve("published:rules/yj-2024/framework.yaml");
        }
        Files.delete(data
            .resolve("rules.git/objects/" + blob.getName().substring(0, 2) + "/" + blob.getName().substring(2)));

        assertThatThrownBy(() -> open(data).close()).isInstanceOf(IOException.class)
            .hasMessageContaining(blob.getName())
            .hasMessageContaining("rules/yj-2024/framework.yaml")
            .hasMessageContaining("git fsck");
    }

    @Test
    void anUnreadablePackStopsStartUp(@TempDir Path data) throws Exception {
        approvedChange(data);
        try (Git git = Git.open(data.resolve("rules.git").toFile())) {
            git.gc().call();
        }
        try (GitRuleStore store = open(data)) {
            assertThat(store.log(GitRuleStore.PUBLISHED)).as("a packed store opens").hasSize(2);
        }
        Path pack;
        try (Stream<Path> files = Files.list(data.resolve("rules.git/objects/pack"))) {
            pack = files.filter(f -> f.toString().endsWith(".pack")).findFirst().orElseThrow();
        }
        try (FileChannel channel = FileChannel.open(pack, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }

        assertThatThrownBy(() -> open(data).close()).isInstanceOf(IOException.class)
            .hasMessageContaining("backup")
            .hasMessageContaining("git fsck");
    }

    @Test
    void anEmptyRepositoryMadeBeforeTheFirstStartIsSeeded(@TempDir Path data) throws Exception {
        Git.init().setBare(true).setDirectory(data.resolve("rules.git").toFile()).call().close();

        try (GitRuleStore store = open(data)) {
            assertThat(store.log(GitRuleStore.PUBLISHED)).singleElement()
                .satisfies(c -> assertThat(c.trailer("Step")).isEqualTo("seeded"));
        }
    }

    /** A seeded store with one approved change on top of the seed. */
    private static void approvedChange(Path data) throws Exception {
        try (GitRuleStore store = open(data)) {
            ObjectId seed = store.head(GitRuleStore.PUBLISHED);
            store.commit(GitRuleStore.PUBLISHED, seed, seed, null,
                    Map.of("rules/yj-2024/notes.drl", "package yj2024;\n".getBytes()), GitRuleStore.person("erin"),
                    "Approved\n\nStep: published\nApproved-by: alex\n");
        }
    }

    private static GitRuleStore open(Path data) throws Exception {
        return GitRuleStore.open(new StoreProperties(null, null, null, null), new DataFolder(data.toString()),
                Path.of("."));
    }

}
