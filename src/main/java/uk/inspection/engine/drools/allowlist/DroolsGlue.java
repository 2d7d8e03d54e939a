package uk.inspection.engine.drools.allowlist;

import java.util.Map;
import java.util.Set;

/**
 * The members of Drools that the executable model's generated classes call (read from the
 * classes compiled for the shipped rule sets and for every construct the source
 * allow-list allows): the model's builders, which only describe rules ({@code D},
 * patterns, indexes, accumulates, consequences), the comparisons its constraints use, the
 * descriptions of its constraints, and of a consequence's context only the fact actions.
 * Nothing of the session, the KieBase, the agenda or the runtime is reachable:
 * {@code Drools.getRuntime} and the like are not listed.
 */
final class DroolsGlue {

    /** Every member of these: builders of the rule model and pure comparisons. */
    private static final Set<String> WHOLE = Set.of("org/drools/modelcompiler/dsl/pattern/D",
            "org/drools/modelcompiler/util/EvaluationUtil", "org/drools/model/PatternDSL$PatternDef",
            "org/drools/model/impl/RuleBuilder", "org/drools/model/functions/accumulate/AccumulateFunction",
            "org/drools/model/Index$ConstraintType", "org/drools/model/Rule$Attribute",
            "org/drools/model/operators/InOperator", "org/drools/model/operators/ContainsOperator");

    /** Of these, only the members named. */
    private static final Map<String, Set<String>> MEMBERS = Map.ofEntries(
            Map.entry("org/drools/model/Drools", Set.of("insert", "update", "delete")),
            Map.entry("org/drools/model/functions/PredicateInformation",
                    Set.of("<init>", "addRuleNames", "setMoreThanMaxRuleDefs")),
            Map.entry("org/drools/model/DomainClassMetadata", Set.of("getPropertyIndex")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_0", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_1", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_2", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_3", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_4", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_5", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_6", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_N", Set.of("execute")),
            // a model's date format (Rules*.DATE_TIME_FORMATTER), read once as it loads
            Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
            Map.entry("java/time/format/DateTimeFormatterBuilder",
                    Set.of("<init>", "parseCaseInsensitive", "appendPattern", "toFormatter")),
            Map.entry("java/util/Locale", Set.of("ENGLISH")), Map.entry("java/util/Arrays", Set.of("asList")),
            // an enum's constructor and values(): every materialised lambda is an enum
            Map.entry("java/lang/Enum", Set.of("<init>")), Map.entry("java/lang/System", Set.of("arraycopy")),
            // DomainClassMetadata.getPropertyIndex of a property it does not know
            Map.entry("java/lang/RuntimeException", Set.of("<init>")),
            // the primitive classes a model's declarations name, and an empty list
            Map.entry("java/lang/Integer", Set.of("TYPE")), Map.entry("java/lang/Long", Set.of("TYPE")),
            Map.entry("java/lang/Double", Set.of("TYPE")), Map.entry("java/lang/Boolean", Set.of("TYPE")),
            Map.entry("java/lang/Short", Set.of("TYPE")), Map.entry("java/lang/Byte", Set.of("TYPE")),
            Map.entry("java/lang/Float", Set.of("TYPE")), Map.entry("java/lang/Character", Set.of("TYPE")),
            Map.entry("java/util/Collections", Set.of("emptyList")));

    /** Types named but none of whose members is called. */
    private static final Set<String> TYPES = Set.of("org/drools/model/Model", "org/drools/model/Rule",
            "org/drools/model/RuleItemBuilder", "org/drools/model/view/ViewItemBuilder", "org/drools/model/Variable",
            "org/drools/model/Declaration", "org/drools/model/Global", "org/drools/model/Index",
            "org/drools/model/PatternDSL$PatternDef", "org/drools/model/functions/HashedExpression",
            "org/drools/model/impl/ModelImpl", "java/time/format/DateTimeFormatter");

    /** The model's functional interfaces (Predicate1, Function2, Block3...). */
    private static final String FUNCTIONS = "org/drools/model/functions/";

    /** Drools' built-in accumulate functions, made by a constructor reference. */
    static final String ACCUMULATORS = "org/drools/core/base/accumulators/";

    /**
     * The property masks an update passes, which the model gets from their factories
     * ({@code AllSetButLastBitMask.get()}); no constructor or other member, some of which
     * allocate what they are asked in one call ({@code new OpenBitSet(n)}).
     */
    private static final String BIT_MASKS = "org/drools/model/bitmask/";

    private DroolsGlue() {
    }

    static boolean type(String name) {
        return WHOLE.contains(name) || MEMBERS.containsKey(name) || TYPES.contains(name) || name.startsWith(BIT_MASKS)
                || name.startsWith(FUNCTIONS) || name.startsWith(ACCUMULATORS) && name.endsWith("AccumulateFunction");
    }

    static boolean member(String owner, String name) {
        return WHOLE.contains(owner) || MEMBERS.getOrDefault(owner, Set.of()).contains(name)
                || owner.startsWith(BIT_MASKS) && name.equals("get");
    }

}
