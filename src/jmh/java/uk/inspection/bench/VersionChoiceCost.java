package uk.inspection.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.ruleset.VersionWanted;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * What choosing the version costs each request, in a running service on a rule store:
 * the version in force now (every request without a header), a pinned version, the
 * version in force at a date, against the floor of taking the served rule set as it is.
 * CPU time of the calling thread, as {@link CpuTimePerDecision}; arguments: warm-up and
 * measured lookups per case.
 */
public final class VersionChoiceCost {

    private static final String FRAMEWORK = "yj-2024";

    private VersionChoiceCost() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        Path temp = Files.createTempDirectory("version-choice");
        try (RunningService service = RunningService.onStore(temp.resolve("data"),
                RulesHomeCopy.of(temp.resolve("home"), FRAMEWORK))) {
            RuleSetRegistry registry = service.bean(RuleSetRegistry.class);
            String version = registry.serving(FRAMEWORK).orElseThrow().version();
            Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
            cases.put("servedAsItIs", () -> registry.serving(FRAMEWORK));
            cases.put("inForceNow",
                    () -> registry.lookup(FRAMEWORK, Manifest.Kind.RATINGS, VersionWanted.IN_FORCE_NOW));
            cases.put("pinned",
                    () -> registry.lookup(FRAMEWORK, Manifest.Kind.RATINGS, VersionWanted.pinned(version)));
            cases.put("asOfADate", () -> registry.lookup(FRAMEWORK, Manifest.Kind.RATINGS,
                    new VersionWanted(null, "2030-01-01")));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Object sink = null;
            for (Supplier<Object> lookup : cases.values()) {
                for (int i = 0; i < warmup; i++) {
                    sink = lookup.get();
                }
            }
            for (int pass = 1; pass <= 2; pass++) {
                for (Map.Entry<String, Supplier<Object>> entry : cases.entrySet()) {
                    long cpu = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < measured; i++) {
                        sink = entry.getValue().get();
                    }
                    System.out.printf("pass %d %-14s CPU %8.1f ns/lookup%n", pass, entry.getKey(),
                            (threads.getCurrentThreadCpuTime() - cpu) / (double) measured);
                }
            }
            System.out.println(sink == null ? "" : "(load average "
                    + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores)");
        }
    }

}
