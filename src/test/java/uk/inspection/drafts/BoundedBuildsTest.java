package uk.inspection.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.ruleset.DataFolder;
import uk.inspection.engine.LoadProblem;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetCheck;
import uk.inspection.ruleset.RuleSetFiles;
import uk.inspection.people.Person;
import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.FilePart;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.Eventually;
import uk.inspection.support.RunningService;
import uk.inspection.store.GitRuleStore;
import uk.inspection.store.StoreProperties;
import uk.inspection.store.StoreRules;

/**
 * Untrusted builds (a pinned old version, a draft's review, a console try) are bounded,
 * on the real service over a real store: identical builds are shared, a build beyond the
 * queue is refused 503 with Retry-After, a build past {@code rules.build-timeout} is
 * refused, a rule set over the limits is refused naming the limit, and no review is
 * computed inside the store's lock. A check of the test's own, which every build runs,
 * counts the builds and holds those the test chooses until it lets them go: no test here
 * waits for a time but the one that waits out the build timeout, which is therefore set
 * short: {@link #BUILD_TIMEOUT} is a few times the longest build here (the first build of
 * yj-2018 on a busy machine).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
class BoundedBuildsTest {

    private static final Person EDITOR = Person.named("erin");

    private static final String[] USERS = { "--access.users[0].username=erin", "--access.users[0].password={noop}e",
            "--access.users[0].roles=methodology-editor", "--access.users[1].username=alex",
            "--access.users[1].password={noop}a", "--access.users[1].roles=methodology-approver" };

    private static final String[] ERIN = { "Authorization", ApiClient.basic("erin", "e") };

    private static final String[] ALEX = { "Authorization", ApiClient.basic("alex", "a") };

    private static final String RATE = "/api/v1/frameworks/yj-2018/ratings";

    private static final String BUILD_TIMEOUT = "20s";

    /** Counts and holds builds of rule sets holding a file the test names. */
    private final HoldingCheck check = new HoldingCheck();

    private RunningService service;

    private String oldVersion;

    private String request;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        oldVersion = RuleSetFiles.version(Path.of("."), "yj-2018");
        request = new ObjectMapper()
            .readTree(Path.of("fixtures/yj-2018/band-edge-49-50-counts-49-of-100-inadequate.json").toFile())
            .get("request")
            .toString();
        // A store of yj-2018 alone (so that the first build is quick on a busy machine)
        // whose
        // published version has moved on: the seeded version is built only for a request
        // that pins it.
        Path home = data.resolve("home");
        for (String folder : List.of("rules/yj-2018", "decision-tables/yj-2018", "fixtures/yj-2018")) {
            Files.createDirectories(home.resolve(folder));
            try (var files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, home.resolve(folder).resolve(file.getFileName().toString()));
                }
            }
        }
        try (GitRuleStore store = GitRuleStore.open(new StoreProperties(null, null, null, null),
                new DataFolder(data.resolve("data").toString()), home)) {
            ObjectId seed = store.head(GitRuleStore.PUBLISHED);
            store.commit(GitRuleStore.PUBLISHED, seed, seed, null,
                    Map.of("rules/yj-2018/notes.drl", "package yj2018;\n".getBytes(StandardCharsets.UTF_8)),
                    GitRuleStore.person("erin"), "Notes\n\nStep: published\nFramework: yj-2018\n");
        }
        service = RunningService.onStore(data.resolve("data"),
                context -> context.registerBean("holdingCheck", RuleSetCheck.class, () -> check),
                concat(USERS, "--rules.home=" + home, "--rules.concurrent-builds=1", "--rules.build-queue=0",
                        "--rules.max-rules=300", "--rules.max-file-bytes=100000",
                        "--rules.build-timeout=" + BUILD_TIMEOUT));
        Reply served = service.get("/api/v1/frameworks/yj-2018");
        assertThat(served.body().at("/lastLoad/status").asText())
            .as("the first build of yj-2018 ended within %s (else raise BUILD_TIMEOUT): %s", BUILD_TIMEOUT, served)
            .isEqualTo("OK");
    }

    @AfterAll
    void stop() {
        check.releaseAll();
        if (service != null) {
            service.close();
        }
    }

    @Test
    void thirtyClientsPinningOneOldVersionCauseOneBuildAndAllGetItsAnswer() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(30);
        try {
            CountDownLatch ready = new CountDownLatch(30);
            List<CompletableFuture<Reply>> replies = IntStream.range(0, 30)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    ready.countDown();
                    await(ready);
                    return service.post(RATE, request, "Ruleset-Version", oldVersion);
                }, clients))
                .toList();
            for (CompletableFuture<Reply> reply : replies) {
                Reply answer = reply.join();
                assertThat(answer.status()).as(answer.text()).isIn(200, 503);
                if (answer.status() == 200) {
                    assertThat(answer.body().at("/rulesetVersion").asText()).isEqualTo(oldVersion);
                }
                else {
                    assertThat(answer.retryAfter()).isNotNull();
                }
            }
            assertThat(check.builds(oldVersion)).as("builds of the pinned version").isEqualTo(1);
        }
        finally {
            clients.shutdownNow();
        }
    }

    @Test
    void approvingDoesNotHoldTheStoreWhileTheReviewIsComputed() throws Exception {
        Drafts drafts = service.bean(Drafts.class);
        // Made here, not over HTTP, so that nothing has reviewed them yet.
        String held = drafts
            .create("yj-2018", Map.of("rules/yj-2018/held-review.drl", drl(0)), EDITOR, "Held while reviewed")
            .orElseThrow()
            .id();
        String other = drafts.create("yj-2018", Map.of("rules/yj-2018/other.drl", drl(0)), EDITOR, "Another")
            .orElseThrow()
            .id();
        String head = drafts.find(held).orElseThrow().head();
        CountDownLatch reviewing = check.hold("rules/yj-2018/held-review.drl");
        CompletableFuture<Reply> approval = CompletableFuture.supplyAsync(
                () -> service.post("/api/v1/drafts/" + held + "/approve", "{\"head\": \"" + head + "\"}", ALEX));
        reviewing.await();

        // While the approval's review is held, another draft is withdrawn: a store write.
        AtomicReference<Draft> withdrawn = new AtomicReference<>();
        Thread write = new Thread(() -> {
            try {
                withdrawn.set(drafts.withdraw(other, EDITOR).orElseThrow());
            }
            catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        write.start();
        while (write.isAlive()) {
            ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(write.getId());
            if (info != null && info.getThreadState() == Thread.State.BLOCKED && info.getLockName() != null
                    && info.getLockName().startsWith(Drafts.class.getName())) {
                check.releaseAll();
                write.join();
                fail("the withdrawal waited for the store's lock while the approval's review was computed");
            }
            Thread.onSpinWait();
        }
        assertThat(withdrawn.get().status()).isEqualTo(Draft.Status.WITHDRAWN);
        check.releaseAll();
        Reply approved = approval.join();
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    }

    @Test
    void aBuildBeyondTheQueueIsRefused503WithRetryAfter() throws Exception {
        Drafts drafts = service.bean(Drafts.class);
        String busy = drafts.create("yj-2018", Map.of("rules/yj-2018/busy.drl", drl(0)), EDITOR, "Busy")
            .orElseThrow()
            .id();
        String next = drafts.create("yj-2018", Map.of("rules/yj-2018/next.drl", drl(0)), EDITOR, "Next")
            .orElseThrow()
            .id();
        CountDownLatch building = check.hold("rules/yj-2018/busy.drl");
        CompletableFuture<Reply> first = CompletableFuture
            .supplyAsync(() -> service.get("/api/v1/drafts/" + busy, ALEX));
        building.await();

        Reply refused = service.get("/api/v1/drafts/" + next, ALEX);

        check.releaseAll();
        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.retryAfter()).isNotNull();
        assertThat(refused.body().at("/detail").asText()).contains("rules.build-queue");
        assertThat(first.join().status()).isEqualTo(200);
        assertThat(service.get("/api/v1/drafts/" + next, ALEX).status()).isEqualTo(200);
    }

    @Test
    @Timeout(300)
    void aPinnedBuildPastTheBuildTimeoutIsRefused() throws Exception {
        String version = publishedVersionHolding("rules/yj-2018/slow.drl");
        check.hold("rules/yj-2018/slow.drl");

        Reply refused = service.post(RATE, request, "Ruleset-Version", version);

        check.releaseAll();
        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.body().at("/detail").asText()).contains("rules.build-timeout");
        // The abandoned build keeps its thread until it ends; the next test needs it
        // free.
        Eventually.await(Duration.ofSeconds(120), () -> service.post(RATE, request, "Ruleset-Version", version),
                reply -> reply.status() == 200);
    }

    @Test
    void aDraftWithMoreRulesThanTheLimitIsRefusedNamingIt() {
        Reply created = service.api()
            .upload("/api/v1/frameworks/yj-2018/drafts",
                    List.of(new FilePart("files", "rules/yj-2018/bulk.drl", drl(400))), Map.of(), ERIN);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().at("/review/validation").toString()).contains("rules/yj-2018/bulk.drl")
            .contains("over the limit of 300")
            .contains("rules.max-rules");
    }

    @Test
    void anUploadedFileOverTheByteLimitIsALocated422() {
        byte[] large = ("package yj2018;\n" + "// padding\n".repeat(10_000)).getBytes(StandardCharsets.UTF_8);

        Reply refused = service.api()
            .upload("/api/v1/frameworks/yj-2018/drafts",
                    List.of(new FilePart("files", "rules/yj-2018/large.drl", large)), Map.of(), ERIN);

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("files[0]");
        assertThat(refused.body().at("/errors/0/message").asText()).contains("rules.max-file-bytes");
    }

    /**
     * A version of yj-2018 published and then replaced, so that only a pinned request
     * builds it.
     */
    private String publishedVersionHolding(String path) throws Exception {
        GitRuleStore store = service.bean(GitRuleStore.class);
        ObjectId before = store.head(GitRuleStore.PUBLISHED);
        store.commit(GitRuleStore.PUBLISHED, before, before, null, Map.of(path, drl(0)), GitRuleStore.person("erin"),
                "Held\n\nStep: published\nFramework: yj-2018\n");
        ObjectId held = store.head(GitRuleStore.PUBLISHED);
        Map<String, byte[]> removed = new java.util.HashMap<>();
        removed.put(path, null);
        store.commit(GitRuleStore.PUBLISHED, held, held, null, removed, GitRuleStore.person("erin"),
                "Removed\n\nStep: published\nFramework: yj-2018\n");
        return new StoreRules(store).published("yj-2018")
            .orElseThrow()
            .stream()
            .filter(v -> v.commit().equals(held.getName()))
            .findFirst()
            .orElseThrow()
            .rulesetVersion();
    }

    /** A DRL file of yj-2018 with this many rules, each matching nothing. */
    private static byte[] drl(int rules) {
        StringBuilder text = new StringBuilder("package yj2018;\n\nimport uk.inspection.ratings.facts.*;\n\n");
        for (int i = 0; i < rules; i++) {
            text.append("rule \"Bulk ")
                .append(i)
                .append("\"\nwhen\n    StandardDefinition(code == \"bulk-")
                .append(i)
                .append("\")\nthen\nend\n\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /**
     * Counts every build by version; a build of a rule set holding a held file tells the
     * test it started, then waits until the test lets it go.
     */
    static final class HoldingCheck implements RuleSetCheck {

        private final Map<String, AtomicInteger> builds = new ConcurrentHashMap<>();

        private final Map<String, Hold> holds = new ConcurrentHashMap<>();

        /** A held build: started when it reached this check, waiting until released. */
        record Hold(CountDownLatch started, CountDownLatch released) {
        }

        @Override
        public List<LoadProblem> check(RuleSet ruleSet) {
            builds.computeIfAbsent(ruleSet.version(), v -> new AtomicInteger()).incrementAndGet();
            holds.forEach((path, hold) -> {
                if (ruleSet.sources().contains(path)) {
                    hold.started().countDown();
                    BoundedBuildsTest.await(hold.released());
                }
            });
            return List.of();
        }

        /**
         * Holds builds of rule sets holding this file; the latch counts down when one
         * starts.
         */
        CountDownLatch hold(String path) {
            return holds.computeIfAbsent(path, p -> new Hold(new CountDownLatch(1), new CountDownLatch(1))).started();
        }

        int builds(String version) {
            return builds.getOrDefault(version, new AtomicInteger()).get();
        }

        void releaseAll() {
            holds.values().forEach(hold -> hold.released().countDown());
        }

    }

}
