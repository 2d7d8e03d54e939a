package uk.inspection.engine.drools.allowlist;

import java.util.Map;
import java.util.Set;

/**
 * The members of Drools' runtime that the classes it generates around a rule's
 * consequence call (read from the classes compiled for the shipped rule sets and for
 * every construct the source allow-list allows): the consequence's context and its
 * declarations, the fact actions of {@code KnowledgeHelper}, and the stubs that generate
 * a consequence's invoker. The working memory is reachable only to look a fact's handle
 * up: nothing of the session, the KieBase or the agenda is.
 */
final class DroolsGlue {

    private static final Map<String, Set<String>> MEMBERS = Map.ofEntries(
            Map.entry("org/drools/core/rule/consequence/KnowledgeHelper",
                    Set.of("insert", "insertLogical", "update", "delete", "retract", "modifyRetract", "modifyInsert",
                            "getWorkingMemory")),
            Map.entry("org/drools/core/WorkingMemory", Set.of("getFactHandle")),
            Map.entry("org/kie/api/runtime/rule/FactHandle", Set.of("getObject")),
            Map.entry("org/drools/core/common/InternalFactHandle", Set.of("getObject")),
            Map.entry("org/drools/base/rule/Declaration", Set.of("getValue")),
            Map.entry("org/drools/core/reteoo/Tuple", Set.of("get")),
            Map.entry("org/drools/base/rule/consequence/ConsequenceContext",
                    Set.of("getRequiredDeclarations", "getTuple")),
            Map.entry("org/drools/base/rule/consequence/Consequence", Set.of("evaluate")),
            Map.entry("org/drools/base/rule/accessor/CompiledInvoker", Set.of("getMethodBytecode")),
            Map.entry("org/drools/mvel/asm/ConsequenceGenerator", Set.of("generate")),
            Map.entry("org/drools/mvel/asm/MethodComparator", Set.of("compareBytecode", "getMethodBytecode")),
            Map.entry("org/drools/mvel/field/FieldFactory", Set.of("getInstance", "getFieldValue")));

    /**
     * Interfaces the generated invokers implement, with no member of their own called.
     */
    private static final Set<String> INTERFACES = Set.of("org/drools/mvel/asm/ConsequenceStub",
            "org/drools/base/rule/accessor/ReturnValueExpression");

    /** What the invokers are: the only classes that may lock (themselves, once). */
    static final String INVOKER = "org/drools/base/rule/accessor/CompiledInvoker";

    private DroolsGlue() {
    }

    /** The property masks an update or a modify passes: immutable values. */
    private static final String BIT_MASKS = "org/drools/util/bitmask/";

    static boolean type(String name) {
        return MEMBERS.containsKey(name) || INTERFACES.contains(name) || name.startsWith(BIT_MASKS);
    }

    static boolean member(String owner, String name) {
        return MEMBERS.getOrDefault(owner, Set.of()).contains(name) || owner.startsWith(BIT_MASKS);
    }

}
