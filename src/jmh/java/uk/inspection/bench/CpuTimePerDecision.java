package uk.inspection.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The same decisions as {@link DecisionBenchmark}, timed by the CPU time of the thread
 * that makes them rather than the wall clock: on a machine whose cores other work shares
 * (the load average well above the cores), wall-clock throughput measures the neighbours
 * as much as the code, while CPU time per decision is what one core would give to this
 * alone. Run with the class path the jmh profile builds (docs/performance.md); arguments:
 * warm-up and measured decisions per case.
 */
public final class CpuTimePerDecision {

    private CpuTimePerDecision() {
    }

    /**
     * The hand-written floor runs a thousand times as often, to be timed at all; a quarter
     * (154 assessments) a hundredth as often, a rating with its margins a twentieth.
     */
    private static double factor(String name) {
        if (name.endsWith("WithMargins")) {
            return 0.05; // about 35 evaluations for the README's request
        }
        return name.endsWith("HandWritten") ? 1000 : name.startsWith("quarter") ? 0.01 : 1;
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        DecisionBenchmark benchmark = new DecisionBenchmark();
        benchmark.load();
        Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
        cases.put("yj2024Decision", benchmark::yj2024Decision);
        cases.put("yj2024WithMargins", benchmark::yj2024DecisionWithMargins);
        cases.put("yj2024JsonToJson", () -> {
            try {
                return benchmark.yj2024JsonToJson();
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        cases.put("yj2018Decision", benchmark::yj2018Decision);
        cases.put("oversightAssessment", benchmark::oversightAssessment);
        cases.put("yj2024HandWritten", benchmark::yj2024HandWritten);
        cases.put("quarter154", benchmark::quarter154);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Object sink = null;
        // Every case warmed up before any is timed, then each timed twice: JIT work for one
        // case (the rules' MVEL constraints are compiled after some evaluations) must not be
        // billed to the next.
        for (Map.Entry<String, Supplier<Object>> entry : cases.entrySet()) {
            for (int i = 0; i < (int) (warmup * factor(entry.getKey())); i++) {
                sink = entry.getValue().get();
            }
        }
        for (int pass = 1; pass <= 2; pass++) {
            for (Map.Entry<String, Supplier<Object>> entry : cases.entrySet()) {
                int runs = (int) (measured * factor(entry.getKey()));
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    sink = entry.getValue().get();
                }
                double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / runs;
                double wallMicros = (System.nanoTime() - wall) / 1e3 / runs;
                System.out.printf(
                        "pass %d %-20s CPU %10.3f us/operation = %,12.0f operations per CPU-second (wall %.3f us)%n",
                        pass, entry.getKey(), cpuMicros, 1e6 / cpuMicros, wallMicros);
            }
        }
        System.out.println(sink == null ? "" : "(load average " + ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage() + ", " + Runtime.getRuntime().availableProcessors() + " cores)");
    }

}
