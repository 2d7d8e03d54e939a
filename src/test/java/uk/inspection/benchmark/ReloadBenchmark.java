package uk.inspection.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.ruleset.LoadResult;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * Not a unit test: run on demand with
 * {@code mvn test -Dtest='ReloadBenchmark' -Dsurefire.excludedGroups=none}, and read what
 * it prints. (1) 1,000 rebuilds of yj-2024 under steady rating requests, heap used after
 * each hundred (after GC): the heap must level off, since only the last ten versions are
 * kept. (2) How long a saved file takes to be served, through the file watcher.
 */
@Tag("benchmark")
class ReloadBenchmark {

    private static final String RATE = "/api/v1/frameworks/yj-2024/ratings";

    @Test
    void heapLevelsOffOverAThousandReloadsUnderSteadyRequests(@TempDir Path temp) throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp);
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        Path drl = copy.file("rules/yj-2024/key-questions.drl");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (RunningService service = RunningService.on(copy.home(), "--rules.watch=false")) {
            RuleSetRegistry registry = service.bean(RuleSetRegistry.class);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger served = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            Thread traffic = new Thread(() -> {
                while (running.get()) {
                    try {
                        if (service.post(RATE, request).status() == 200) {
                            served.incrementAndGet();
                        }
                        else {
                            failed.incrementAndGet();
                        }
                    }
                    catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            traffic.start();
            System.out.printf("%nreloads  heap used after GC (MiB)  mean build (ms)  requests served  failed%n");
            System.out.printf("%7d  %27.1f  %15s  %15d  %6d%n", 0, usedAfterGc(memory), "-", served.get(),
                    failed.get());
            long buildNanos = 0;
            for (int i = 1; i <= 1000; i++) {
                Files.writeString(drl, "\n// reload " + i + "\n", StandardOpenOption.APPEND);
                long start = System.nanoTime();
                if (!(registry.load("yj-2024") instanceof LoadResult.Loaded)) {
                    throw new AssertionError("reload " + i + " did not build");
                }
                buildNanos += System.nanoTime() - start;
                if (i % 100 == 0) {
                    System.out.printf("%7d  %27.1f  %15.1f  %15d  %6d%n", i, usedAfterGc(memory),
                            buildNanos / 100 / 1e6, served.get(), failed.get());
                    buildNanos = 0;
                }
            }
            running.set(false);
            traffic.join();
        }
    }

    @Test
    void savedFileIsServedWithinASecond(@TempDir Path temp) throws Exception {
        RulesHomeCopy copy = RulesHomeCopy.of(temp);
        String request = Files.readString(Path.of("src/test/resources/requests/yj-2024-key-question-67-percent.json"));
        Path drl = copy.file("rules/yj-2024/key-questions.drl");
        List<Double> millis = new ArrayList<>();
        try (RunningService service = RunningService.on(copy.home())) {
            for (int i = 0; i < 30; i++) {
                String before = service.post(RATE, request).body().at("/rulesetVersion").asText();
                Files.writeString(drl, "\n// edit " + i + "\n", StandardOpenOption.APPEND);
                long saved = System.nanoTime();
                while (service.post(RATE, request).body().at("/rulesetVersion").asText().equals(before)) {
                    Thread.sleep(5);
                }
                millis.add((System.nanoTime() - saved) / 1e6);
            }
        }
        Collections.sort(millis);
        System.out.printf(
                "%nsave to served, 30 edits: min %.0f ms, median %.0f ms, p90 %.0f ms, max %.0f ms"
                        + " (debounce 250 ms included)%n",
                millis.get(0), millis.get(15), millis.get(26), millis.get(29));
    }

    private static double usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

}
