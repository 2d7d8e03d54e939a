package uk.inspection.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.inspection.engine.LoadProblem;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.RequestLimits;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSet;

/**
 * One kind of decision the service makes (a rating, an oversight assessment, a quarter, a
 * probation follow-up): its names, the rule sets that decide it, its request, and the
 * steps {@link DecisionPipeline} runs for it. A kind is registered in
 * {@code META-INF/services/uk.inspection.decision.DecisionKind} and read through
 * {@link DecisionKinds}; it holds no state.
 *
 * @param <Q> the request
 * @param <R> the response
 */
public interface DecisionKind<Q, R extends DecisionResponse> {

    /**
     * What the kind is called and where it is served:
     * <ul>
     * <li>{@code recordKind}: how a record and the metrics name it ({@code RATING},
     * {@code QUARTER});</li>
     * <li>{@code endpoint}: the name a fixture's {@code endpoint} gives it; null for the
     * default, a framework's ratings (a fixture without an endpoint);</li>
     * <li>{@code ruleSetKind}: the kind of rule set that decides it;</li>
     * <li>{@code path}: its HTTP path, {@code {framework}} standing for the rule set's id
     * where it names one;</li>
     * <li>{@code feature}: how the API description groups its operation;</li>
     * <li>{@code requestType}: its request.</li>
     * </ul>
     */
    record Names<Q>(String recordKind, String endpoint, Manifest.Kind ruleSetKind, String path, Feature feature,
            Class<Q> requestType) {
    }

    Names<Q> names();

    default String recordKind() {
        return names().recordKind();
    }

    default String endpoint() {
        return names().endpoint();
    }

    default Manifest.Kind ruleSetKind() {
        return names().ruleSetKind();
    }

    default String path() {
        return names().path();
    }

    default Feature feature() {
        return names().feature();
    }

    default Class<Q> requestType() {
        return names().requestType();
    }

    /**
     * A list or map of the request longer than the limits allow, before anything else is
     * read.
     */
    Optional<Failure> tooMany(Q request, RequestLimits limits);

    /** Every field the manifest (or the request's own shape) cannot accept. */
    List<FieldProblem> validate(Q request, RuleSet ruleSet);

    /**
     * The decision: the facts evaluated through {@code rules} (which throws the rules
     * running away and their rejections as failures) and the outputs assembled; a
     * rule-set defect is thrown as a failure.
     */
    R decide(Q request, Rules rules);

    /** The service a record names (null when there is none, as for a quarter). */
    String service(Q request);

    /** The outcome in a word, as records and comparisons label it. */
    String outcome(R response);

    /**
     * The problems found deciding every path a request can take with a freshly built rule
     * set of this kind, before it is served; none by default.
     */
    default List<LoadProblem> coverage(RuleSet ruleSet) {
        return List.of();
    }

    /** The path for a rule set. */
    default String path(String ruleSet) {
        return path().replace("{framework}", ruleSet);
    }

    /**
     * The request's types, whose fields a manifest's vocabularies list codes for: the
     * request and the records declared in it.
     */
    default List<Class<?>> requestTypes() {
        List<Class<?>> types = new ArrayList<>(List.of(requestType()));
        for (Class<?> nested : requestType().getDeclaredClasses()) {
            if (nested.isRecord()) {
                types.add(nested);
            }
        }
        return types;
    }

    /** A group of operations in the API description. */
    record Feature(String name, String description) {
    }

}
