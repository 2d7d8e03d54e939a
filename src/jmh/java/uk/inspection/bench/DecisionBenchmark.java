package uk.inspection.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import uk.inspection.oversight.Oversight;
import uk.inspection.oversight.OversightRequest;
import uk.inspection.problem.RequestLimits;
import uk.inspection.problem.StrictJson;
import uk.inspection.ratings.RatingRequest;
import uk.inspection.ratings.Ratings;
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

    private static final ObjectMapper JSON = StrictJson.mapper();

    private RuleSet yj2024;

    private RuleSet yj2018;

    private RuleSet oversight;

    private RatingRequest readme;

    private JsonNode readmeJson;

    private RatingRequest request2018;

    private OversightRequest assessment;

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
    }

    /** The README's rating: validation, facts, rules, the response with its trace. */
    @Benchmark
    public Object yj2024Decision() {
        return Ratings.decide(yj2024, readme, RequestLimits.DEFAULTS).orElseThrow();
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
        return Ratings.decide(yj2018, request2018, RequestLimits.DEFAULTS).orElseThrow();
    }

    @Benchmark
    public Object oversightAssessment() {
        return Oversight.assess(oversight, assessment, RequestLimits.DEFAULTS).orElseThrow();
    }

    /** The request of the README's first curl, as ReadmeExampleTest reads it. */
    static String readmeRequest() throws Exception {
        Matcher request = Pattern
            .compile("ratings \\\\\\n  -H 'Content-Type: application/json' -d '(\\{.*?\\})'", Pattern.DOTALL)
            .matcher(Files.readString(Path.of("README.md")));
        if (!request.find()) {
            throw new IllegalStateException("no rating request in README.md");
        }
        return request.group(1);
    }

    private static JsonNode fixture(String path) throws Exception {
        return JSON.readTree(Files.readString(Path.of(path)));
    }

}
