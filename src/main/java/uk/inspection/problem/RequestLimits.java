package uk.inspection.problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much work one request may ask for, far above real sizes (about 154 youth justice
 * services; an inspection samples tens of cases): {@code limits.services-per-quarter},
 * {@code limits.cases-per-request}, and {@code limits.errors-listed}, how many problems a
 * refusal lists (with the total); {@code limits.entries-per-field} for every other list
 * or map. A request over a cap is refused before any rule runs.
 */
@ConfigurationProperties("limits")
public record RequestLimits(Integer servicesPerQuarter, Integer casesPerRequest, Integer entriesPerField,
        Integer errorsListed, Integer marginEvaluationsPerRequest) {

    /** The limits the command line answers with, and the service unless configured. */
    public static final RequestLimits DEFAULTS = new RequestLimits(null, null, null, null, null);

    public RequestLimits {
        servicesPerQuarter = positive("limits.services-per-quarter", servicesPerQuarter, 1000);
        casesPerRequest = positive("limits.cases-per-request", casesPerRequest, 2000);
        entriesPerField = positive("limits.entries-per-field", entriesPerField, 200);
        errorsListed = positive("limits.errors-listed", errorsListed, 100);
        marginEvaluationsPerRequest = positive("limits.margin-evaluations-per-request", marginEvaluationsPerRequest,
                2000);
    }

    /**
     * Any other list or map (metrics, grant conditions, alerts, key questions...) over
     * {@code entriesPerField}: each entry becomes a fact the rules reason over, so a huge
     * one would make sound rules fire past their limit.
     */
    public Optional<Failure> tooManyEntries(Map<String, Integer> sizes) {
        List<FieldProblem> over = sizes.entrySet()
            .stream()
            .filter(e -> e.getValue() > entriesPerField)
            .map(e -> new FieldProblem(e.getKey(),
                    e.getValue() + " entries; at most " + entriesPerField + " (limits.entries-per-field)"))
            .toList();
        return over.isEmpty() ? Optional.empty() : Optional.of(invalidFacts(over));
    }

    public Optional<Failure> tooManyServices(int given) {
        return over("services", given, servicesPerQuarter, "services in one quarter", "services-per-quarter");
    }

    public Optional<Failure> tooManyCases(int given) {
        return over("cases", given, casesPerRequest, "cases in one request", "cases-per-request");
    }

    /**
     * Margins ({@code explain}) that could take more evaluations than
     * {@code marginEvaluationsPerRequest}: each is a whole rating, so counts as large as
     * an int on many key questions would cost hundreds of ratings.
     */
    public Optional<Failure> tooManyMarginEvaluations(long most) {
        return most <= marginEvaluationsPerRequest ? Optional.empty()
                : Optional.of(Failure.invalidFacts(List.of(new FieldProblem("explain", "margins for this request could"
                        + " take " + most + " evaluations; at most " + marginEvaluationsPerRequest
                        + " (limits.margin-evaluations-per-request): leave explain out, or give the counts of the"
                        + " cases inspected")), errorsListed));
    }

    /** Refused facts, with at most {@code errorsListed} of them listed. */
    public Failure invalidFacts(List<FieldProblem> problems) {
        return Failure.invalidFacts(problems, errorsListed);
    }

    private Optional<Failure> over(String field, int given, int cap, String what, String setting) {
        return given <= cap ? Optional.empty() : Optional.of(Failure.invalidFacts(
                List.of(new FieldProblem(field, given + " " + what + "; at most " + cap + " (limits." + setting + ")")),
                errorsListed));
    }

    private static int positive(String name, Integer value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
        return value;
    }

}
