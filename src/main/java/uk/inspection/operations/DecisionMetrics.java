package uk.inspection.operations;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Every decision answered, as {@code rules.decisions}: a count and a latency histogram by
 * kind, framework, rule-set version and outcome (the overall rating or status, the
 * quadrant). The outcomes are the few a rule set can give and versions are bounded by
 * those kept, so the series stay few.
 */
@Component
public class DecisionMetrics {

    private final MeterRegistry meters;

    DecisionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void decided(String kind, String framework, String version, String outcome, long nanos) {
        Timer.builder("rules.decisions")
            .description("Decisions answered, from the request read to the answer recorded")
            .tag("kind", kind)
            .tag("framework", framework)
            .tag("version", version == null ? "none" : version)
            .tag("outcome", outcome == null ? "none" : outcome)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(100_000))
            .maximumExpectedValue(Duration.ofSeconds(2))
            .register(meters)
            .record(nanos, TimeUnit.NANOSECONDS);
    }

}
