package uk.inspection.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

import org.springframework.stereotype.Component;

import uk.inspection.engine.LoadProblem;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetCheck;

/**
 * Every kind of decision, in the order of
 * {@code META-INF/services/uk.inspection.decision.DecisionKind}: the one list the API,
 * records, replays, fixtures, shadows, the API description and {@code validate} read. A
 * service loader rather than component scanning, so that the command line, which starts
 * no Spring, reads the same list ({@link #installed()}). As a check, it runs the coverage
 * of each kind a freshly built rule set decides.
 */
@Component
public class DecisionKinds implements RuleSetCheck {

    private static final class Installed {

        private static final DecisionKinds KINDS = new DecisionKinds();

    }

    private final List<DecisionKind<?, ?>> kinds;

    /** The kinds installed. */
    public DecisionKinds() {
        this(load());
    }

    /** These kinds, in this order. */
    public DecisionKinds(List<DecisionKind<?, ?>> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /** The kinds installed, for code that runs without Spring. */
    public static DecisionKinds installed() {
        return Installed.KINDS;
    }

    private static List<DecisionKind<?, ?>> load() {
        List<DecisionKind<?, ?>> found = new ArrayList<>();
        ServiceLoader.load(DecisionKind.class, DecisionKind.class.getClassLoader()).forEach(found::add);
        return found;
    }

    public List<DecisionKind<?, ?>> all() {
        return kinds;
    }

    /** The kind a fixture's or a replay's {@code endpoint} names (null: the default). */
    public Optional<DecisionKind<?, ?>> endpoint(String endpoint) {
        return kinds.stream().filter(k -> Objects.equals(k.endpoint(), endpoint)).findFirst();
    }

    /** The kind a record names; an unknown one is refused. */
    public DecisionKind<?, ?> recorded(String recordKind) {
        return kinds.stream()
            .filter(k -> k.recordKind().equals(recordKind))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no decision kind " + recordKind + "; kinds: "
                    + String.join(", ", kinds.stream().map(DecisionKind::recordKind).toList())));
    }

    /** The registered kind of this class. */
    public <K extends DecisionKind<?, ?>> K of(Class<K> type) {
        return kinds.stream()
            .filter(type::isInstance)
            .map(type::cast)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(type.getName() + " is not registered"));
    }

    /** The coverage of every kind the rule set decides. */
    @Override
    public List<LoadProblem> check(RuleSet ruleSet) {
        List<LoadProblem> problems = new ArrayList<>();
        kinds.stream()
            .filter(k -> k.ruleSetKind() == ruleSet.manifest().kind())
            .forEach(k -> problems.addAll(k.coverage(ruleSet)));
        return problems;
    }

}
