package uk.inspection.ruleset;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import uk.inspection.engine.InsertedFact;
import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.PatternUse;

/**
 * Rules and tables joined by a string must agree on it. Where a DRL rule matches a fact
 * type that a table supplies by a string literal
 * ({@code RuleParameter(name == "closeness margin")}), some table row must supply that
 * value, or the rule silently never fires; and where every rule reads a fact type only by
 * such literals, a table row whose value no rule reads is a renamed or dead row. Both
 * sides are named in the problem.
 */
final class NameJoins {

    private NameJoins() {
    }

    static List<LoadProblem> check(List<PatternUse> patterns, List<InsertedFact> supplied) {
        Map<String, List<InsertedFact>> byType = new LinkedHashMap<>();
        supplied.stream()
            .filter(InsertedFact::fromTable)
            .forEach(fact -> byType.computeIfAbsent(fact.fact().getClass().getSimpleName(), t -> new ArrayList<>())
                .add(fact));
        List<LoadProblem> problems = new ArrayList<>();
        for (PatternUse use : patterns) {
            List<InsertedFact> facts = byType.get(use.factType());
            if (facts == null) {
                continue;
            }
            use.literals().forEach((field, literal) -> {
                Set<String> given = values(facts, field);
                if (!given.isEmpty() && !given.contains(literal)) {
                    problems.add(new LoadProblem(use.file(), use.line(), null,
                            "the rule \"" + use.rule() + "\" reads " + use.factType() + " " + field + " \"" + literal
                                    + "\", which no decision-table row supplies; " + sources(facts) + " supplies "
                                    + quoted(given)));
                }
            });
        }
        byType.forEach((type, facts) -> {
            List<PatternUse> uses = patterns.stream().filter(p -> p.factType().equals(type)).toList();
            for (String field : joinedOnlyByLiterals(uses)) {
                Set<String> read = new TreeSet<>();
                uses.forEach(use -> read.add(use.literals().get(field)));
                for (InsertedFact fact : facts) {
                    String value = value(fact.fact(), field);
                    if (value != null && !read.contains(value)) {
                        problems.add(new LoadProblem(fact.source(), null, row(fact.detail()), type + " " + field + " \""
                                + value + "\" (\"" + fact.rule() + "\") is read by no rule; the rules read "
                                + quoted(read) + ": " + String.join(", ",
                                        uses.stream().map(u -> u.file() + ":" + u.line()).distinct().toList())));
                    }
                }
            }
        });
        return problems;
    }

    /**
     * The fields every rule matching the type compares with a literal: a join by name.
     */
    private static Set<String> joinedOnlyByLiterals(List<PatternUse> uses) {
        if (uses.isEmpty()) {
            return Set.of();
        }
        Set<String> fields = new LinkedHashSet<>(uses.get(0).literals().keySet());
        uses.forEach(use -> fields.retainAll(use.literals().keySet()));
        return fields;
    }

    private static Set<String> values(List<InsertedFact> facts, String field) {
        Set<String> values = new TreeSet<>();
        facts.stream().map(f -> value(f.fact(), field)).filter(Objects::nonNull).forEach(values::add);
        return values;
    }

    /**
     * A fact's field as text: a record component or a getter; null when the fact has no
     * such field.
     */
    private static String value(Object fact, String field) {
        for (String name : new String[] { field,
                "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1) }) {
            try {
                Method accessor = fact.getClass().getMethod(name);
                Object value = accessor.invoke(fact);
                return value == null ? null : value.toString();
            }
            catch (ReflectiveOperationException e) {
                // try the next spelling
            }
        }
        return null;
    }

    /** The sheet row of a table row's origin ("row 16"). */
    private static Integer row(String detail) {
        return detail != null && detail.startsWith("row ") ? Integer.valueOf(detail.substring(4)) : null;
    }

    private static String sources(List<InsertedFact> facts) {
        return String.join(", ", facts.stream().map(InsertedFact::source).filter(Objects::nonNull).distinct().toList());
    }

    private static String quoted(Set<String> values) {
        return String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList());
    }

}
