package uk.inspection.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.decision.DecisionKind;
import uk.inspection.decision.DecisionKinds;
import uk.inspection.decision.DecisionPipeline;
import uk.inspection.oversight.AssessmentKind;
import uk.inspection.oversight.OversightRequest;
import uk.inspection.oversight.QuarterKind;
import uk.inspection.oversight.QuarterRequest;
import uk.inspection.problem.RequestLimits;
import uk.inspection.problem.StrictJson;
import uk.inspection.ratings.RatingRequest;
import uk.inspection.ratings.RatingKind;
import uk.inspection.ratings.RatingResponse;
import uk.inspection.regression.InProcessApi;
import uk.inspection.ruleset.LoadResult;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetLoader;

/**
 * Decisions in-process on one thread, over the shipped rule files (run from the project
 * folder): the README's yj-2024 rating decided as the API decides it (validation, facts,
 * rules, the response with its trace), the same from JSON to JSON, the hand-written floor
 * ({@link HandWritten2024}), a 2018 rating and an oversight assessment from the fixtures.
 * docs/performance.md has the command and the numbers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class DecisionBenchmark {

    private static final DecisionKinds KINDS = DecisionKinds.installed();

    private static final DecisionKind<RatingRequest, RatingResponse> WITH_MARGINS = KINDS.of(RatingKind.class)
        .withMargins();

    private static final ObjectMapper JSON = StrictJson.mapper();

    private RuleSet yj2024;

    private RuleSet yj2018;

    private RuleSet oversight;

    private RatingRequest readme;

    private JsonNode readmeJson;

    private RatingRequest request2018;

    private OversightRequest assessment;

    private QuarterRequest quarter;

    private final InProcessApi api = new InProcessApi();

    @Setup
    public void load() throws Exception {
        Path home = Path.of(".");
        RuleSetLoader loader = new RuleSetLoader(Clock.systemUTC());
        yj2024 = ((LoadResult.Loaded) loader.load(home, "yj-2024")).ruleSet();
        yj2018 = ((LoadResult.Loaded) loader.load(home, "yj-2018")).ruleSet();
        oversight = ((LoadResult.Loaded) loader.load(home, "yjb-oversight")).ruleSet();
        readmeJson = JSON.readTree(readmeRequest());
        readme = JSON.treeToValue(readmeJson, RatingRequest.class);
        request2018 = JSON.treeToValue(
                fixture("fixtures/yj-2018/band-edge-49-50-counts-49-of-100-inadequate.json").get("request"),
                RatingRequest.class);
        assessment = JSON.treeToValue(
                fixture("fixtures/yjb-oversight/current-3-recommended-4-moves-up.json").get("request"),
                OversightRequest.class);
        quarter = JSON.treeToValue(quarterOf(154), QuarterRequest.class);
        DecisionPipeline.decide(KINDS.of(QuarterKind.class), oversight, quarter, RequestLimits.DEFAULTS).orElseThrow();
    }

    /**
     * A quarter of this many services, the same each run: three KPIs with raw values
     * spread over their range (some with a previous value), regions in turn, a few
     * concerns. Inputs only: the rankings and quadrants come from the rules.
     */
    static JsonNode quarterOf(int services) {
        java.util.Random random = new java.util.Random(154);
        String[] regions = { "NORTH_OF_ENGLAND", "SOUTH_OF_ENGLAND", "WALES" };
        String[] kpis = { "REOFFENDING_BINARY", "CUSTODY", "EDUCATION_TRAINING_EMPLOYMENT" };
        com.fasterxml.jackson.databind.node.ObjectNode request = JSON.createObjectNode().put("quarter", "2025-Q2");
        com.fasterxml.jackson.databind.node.ArrayNode all = request.putArray("services");
        for (int i = 0; i < services; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode service = all.addObject()
                .put("service", String.format("Service %03d YJS", i))
                .put("region", regions[i % regions.length]);
            com.fasterxml.jackson.databind.node.ObjectNode metrics = service.putObject("metrics");
            for (String kpi : kpis) {
                com.fasterxml.jackson.databind.node.ObjectNode metric = metrics.putObject(kpi)
                    .put("value", random.nextInt(1000) / 10.0);
                if (random.nextBoolean()) {
                    metric.put("previousValue", random.nextInt(1000) / 10.0);
                }
            }
            if (i % 17 == 0) {
                service.putArray("concerns").add("OVERSIGHT_FIELD_CONCERN");
            }
        }
        return request;
    }

    /** The README's rating: validation, facts, rules, the response with its trace. */
    @Benchmark
    public Object yj2024Decision() {
        return DecisionPipeline.decide(KINDS.of(RatingKind.class), yj2024, readme, RequestLimits.DEFAULTS).orElseThrow();
    }

    /**
     * The README's rating with ?explain=margins: the same, then each key question decided
     * again with its count changed until its rating moves each way.
     */
    @Benchmark
    public Object yj2024DecisionWithMargins() {
        return DecisionPipeline.decide(WITH_MARGINS, yj2024, readme, RequestLimits.DEFAULTS).orElseThrow();
    }

    /** The same from the request's JSON tree to the answer's bytes, as the API does. */
    @Benchmark
    public byte[] yj2024JsonToJson() throws Exception {
        return api.bytes(api.answer(yj2024, readmeJson));
    }

    /** The floor: the same method hand-written in Java (never used by the service). */
    @Benchmark
    public Object yj2024HandWritten() {
        return HandWritten2024.rate(readme);
    }

    @Benchmark
    public Object yj2018Decision() {
        return DecisionPipeline.decide(KINDS.of(RatingKind.class), yj2018, request2018, RequestLimits.DEFAULTS).orElseThrow();
    }

    /** A quarter of 154 services: 154 assessments after the national ranking. */
    @Benchmark
    public Object quarter154() {
        return DecisionPipeline.decide(KINDS.of(QuarterKind.class), oversight, quarter, RequestLimits.DEFAULTS).orElseThrow();
    }

    @Benchmark
    public Object oversightAssessment() {
        return DecisionPipeline.decide(KINDS.of(AssessmentKind.class), oversight, assessment, RequestLimits.DEFAULTS).orElseThrow();
    }

    static String readmeRequest() throws Exception {
        return uk.inspection.support.ReadmeRequest.json();
    }

    private static JsonNode fixture(String path) throws Exception {
        return JSON.readTree(Files.readString(Path.of(path)));
    }

}
