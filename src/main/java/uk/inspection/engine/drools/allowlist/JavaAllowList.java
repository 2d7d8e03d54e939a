package uk.inspection.engine.drools.allowlist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.ast.type.WildcardType;

/**
 * The Java of a rule, read with JavaParser and held to the allow-list: a consequence may
 * declare locals, branch with {@code if}, insert, update, modify or retract facts, create
 * facts and empty collections, and call the fact classes' methods and the plain value
 * methods {@link KnownTypes} lists; a constraint may do the same, less the fact actions.
 * Every other construct (loops, lambdas, classes, {@code drools}, any other type) is a
 * violation at its line. It is an allow-list: a construct not named here is refused.
 */
final class JavaAllowList {

    /** A construct the allow-list refuses, at a line of the text checked (1-based). */
    record Violation(int line, String construct) {
    }

    /** What a consequence may do to the working memory, called without a receiver. */
    private static final Set<String> FACT_ACTIONS = Set.of("insert", "insertLogical", "update", "modify", "retract",
            "delete");

    /**
     * One parser a thread: a JavaParser keeps its state between calls, and rule sets (a
     * framework's, a draft's review, a pinned version's) build on several threads at
     * once. It reads Unicode escapes as the Java compiler does (off by default in
     * JavaParser), though a text with one never reaches it ({@link UnicodeEscapes}).
     */
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(
            () -> new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setPreprocessUnicodeEscapes(true)));

    /**
     * Drools' own names for the rule's context: a way into the session, never a property.
     */
    private static final Set<String> CONTEXT = Set.of("drools", "kcontext");

    private final KnownTypes types;

    private final Set<String> variables;

    private final boolean constraint;

    private final int firstLine;

    private final List<Violation> violations = new ArrayList<>();

    private JavaAllowList(KnownTypes types, Set<String> bindings, boolean constraint, int firstLine) {
        this.types = types;
        this.variables = new HashSet<>(bindings);
        this.constraint = constraint;
        this.firstLine = firstLine;
    }

    /**
     * A consequence's code, which starts at {@code firstLine} of its file; the rule's
     * bindings are its variables.
     */
    static List<Violation> consequence(String code, int firstLine, KnownTypes types, Set<String> bindings) {
        JavaAllowList check = new JavaAllowList(types, bindings, false, firstLine);
        ParseResult<BlockStmt> parsed = PARSER.get().parseBlock("{" + ModifyBlocks.rewrite(code) + "\n}");
        if (parsed.getResult().isEmpty() || !parsed.isSuccessful()) {
            check.violations.add(new Violation(firstLine, "Java that does not parse: " + firstProblem(parsed)));
        }
        else {
            check.statement(parsed.getResult().get());
        }
        return check.violations;
    }

    /** A constraint's expression (or a {@code from} source, an accumulate's argument). */
    static List<Violation> expression(String text, int line, KnownTypes types, Set<String> bindings) {
        JavaAllowList check = new JavaAllowList(types, bindings, true, line);
        ParseResult<Expression> parsed = PARSER.get().parseExpression(text);
        if (parsed.getResult().isEmpty() || !parsed.isSuccessful()) {
            check.violations.add(new Violation(line, "an expression that is not plain Java: " + text));
        }
        else {
            check.expression(parsed.getResult().get());
        }
        return check.violations;
    }

    private void statement(Statement statement) {
        if (statement instanceof BlockStmt block) {
            block.getStatements().forEach(this::statement);
        }
        else if (statement instanceof ExpressionStmt expression) {
            expression(expression.getExpression());
        }
        else if (statement instanceof IfStmt branch) {
            expression(branch.getCondition());
            statement(branch.getThenStmt());
            branch.getElseStmt().ifPresent(this::statement);
        }
        else if (!(statement instanceof EmptyStmt)) {
            refuse(statement, describe(statement));
        }
    }

    private void expression(Expression expression) {
        if (expression instanceof LiteralExpr) {
            return;
        }
        if (expression instanceof NameExpr name) {
            name(name);
        }
        else if (expression instanceof FieldAccessExpr field) {
            fieldAccess(field);
        }
        else if (expression instanceof MethodCallExpr call) {
            call(call);
        }
        else if (expression instanceof ObjectCreationExpr creation) {
            creation(creation);
        }
        else if (expression instanceof BinaryExpr binary) {
            expression(binary.getLeft());
            expression(binary.getRight());
        }
        else if (expression instanceof UnaryExpr unary) {
            expression(unary.getExpression());
        }
        else if (expression instanceof ConditionalExpr conditional) {
            expression(conditional.getCondition());
            expression(conditional.getThenExpr());
            expression(conditional.getElseExpr());
        }
        else if (expression instanceof EnclosedExpr enclosed) {
            expression(enclosed.getInner());
        }
        else if (expression instanceof CastExpr cast) {
            type(cast.getType());
            expression(cast.getExpression());
        }
        else if (expression instanceof InstanceOfExpr test) {
            expression(test.getExpression());
            type(test.getType());
            test.getPattern().ifPresent(pattern -> refuse(pattern, "an instanceof pattern"));
        }
        else if (expression instanceof ArrayAccessExpr access) {
            expression(access.getName());
            expression(access.getIndex());
        }
        else if (expression instanceof AssignExpr assign && !constraint) {
            assignment(assign);
        }
        else if (expression instanceof VariableDeclarationExpr declaration && !constraint) {
            for (VariableDeclarator variable : declaration.getVariables()) {
                type(variable.getType());
                variable.getInitializer().ifPresent(this::expression);
                variables.add(variable.getNameAsString());
            }
        }
        else if (!(expression instanceof ThisExpr && constraint)) {
            refuse(expression, describe(expression));
        }
    }

    /**
     * A name as a value: a binding or a local; in a constraint, also a property of the
     * fact matched.
     */
    private void name(NameExpr name) {
        String text = name.getNameAsString();
        if (!variables.contains(text) && !isProperty(text)) {
            refuse(name, text);
        }
    }

    /**
     * A bare name in a constraint, read as a property of the fact matched: any name but a
     * package's or Drools' own context ({@code drools}, {@code kcontext}). A name the
     * fact does not have is the compiler's error at its line or cell (a typo such as
     * {@code sixty-five} in a number cell); what a property leads on to is held to
     * {@link KnownTypes#propertyAllowed}.
     */
    private boolean isProperty(String name) {
        return constraint && Character.isLowerCase(name.charAt(0)) && !KnownTypes.isPackageRoot(name)
                && !CONTEXT.contains(name);
    }

    private void fieldAccess(FieldAccessExpr field) {
        Optional<Reference> type = typeReference(field.getScope());
        if (type.isEmpty()) {
            expression(field.getScope());
            if (!types.propertyAllowed(field.getNameAsString())) {
                refuse(field, "the property ." + field.getNameAsString());
            }
        }
        else if (type.get().type() != null && !types.staticFieldAllowed(type.get().type(), field.getNameAsString())) {
            refuse(field, type.get().name() + "." + field.getNameAsString());
        }
    }

    private void call(MethodCallExpr call) {
        call.getTypeArguments().ifPresent(arguments -> arguments.forEach(this::type));
        String method = call.getNameAsString();
        if (call.getScope().isEmpty()) {
            boolean allowed = constraint ? types.factMethod(method)
                    : FACT_ACTIONS.contains(method) || method.equals(ModifyBlocks.BLOCK);
            if (!allowed) {
                refuse(call, method + "(...)");
            }
            else if (method.equals(ModifyBlocks.BLOCK)) {
                setters(call.getArguments());
                return;
            }
        }
        else {
            Optional<Reference> type = typeReference(call.getScope().get());
            if (type.isEmpty()) {
                expression(call.getScope().get());
                if (!types.valueMethodAllowed(method)) {
                    refuse(call, "." + method + "(...)");
                }
            }
            else if (type.get().type() != null && !types.staticMethodAllowed(type.get().type(), method)) {
                refuse(call, type.get().name() + "." + method + "(...)");
            }
        }
        call.getArguments().forEach(this::expression);
    }

    /** The calls of a modify block: the modified fact's own methods. */
    private void setters(NodeList<Expression> calls) {
        for (Expression expression : calls) {
            if (expression instanceof MethodCallExpr setter && setter.getScope().isEmpty()
                    && types.factMethod(setter.getNameAsString())) {
                setter.getArguments().forEach(this::expression);
            }
            else {
                expression(expression);
            }
        }
    }

    private void creation(ObjectCreationExpr creation) {
        if (creation.getAnonymousClassBody().isPresent()) {
            refuse(creation, "an anonymous class");
            return;
        }
        Optional<Class<?>> type = types.resolve(creation.getType().getNameWithScope());
        if (type.isEmpty() || !types.canCreate(type.get())) {
            refuse(creation, "new " + creation.getType().getNameWithScope() + "(...)");
            return;
        }
        if (types.isCollection(type.get()) && !creation.getArguments().isEmpty()) {
            refuse(creation, "new " + creation.getType().getNameWithScope()
                    + "(...) with a size or contents (create it empty, then add)");
            return;
        }
        creation.getType().getTypeArguments().ifPresent(arguments -> arguments.forEach(this::type));
        creation.getArguments().forEach(this::expression);
    }

    private void assignment(AssignExpr assign) {
        if (assign.getTarget() instanceof NameExpr target && variables.contains(target.getNameAsString())) {
            expression(assign.getValue());
        }
        else {
            refuse(assign, "an assignment to " + assign.getTarget() + " (only a local variable may be assigned)");
        }
    }

    private void type(Type type) {
        if (type instanceof PrimitiveType || type instanceof VarType) {
            return;
        }
        if (type instanceof WildcardType wildcard) {
            wildcard.getExtendedType().ifPresent(this::type);
            wildcard.getSuperType().ifPresent(this::type);
        }
        else if (type instanceof ClassOrInterfaceType named) {
            if (types.resolve(named.getNameWithScope()).isEmpty()) {
                refuse(type, "the type " + named.getNameWithScope());
            }
            named.getTypeArguments().ifPresent(arguments -> arguments.forEach(this::type));
        }
        else {
            refuse(type, "the type " + type);
        }
    }

    /** A type named as the scope of a call or a field: known (with its class) or not. */
    private record Reference(String name, Class<?> type) {
    }

    /**
     * The type a scope names, if it names one: empty when it is a value (a variable, a
     * property, any other expression); a reference with no class (already refused) when
     * it names a type rule files may not use, such as {@code System} or
     * {@code java.lang.Runtime}.
     */
    private Optional<Reference> typeReference(Expression scope) {
        String chain = nameChain(scope);
        if (chain == null) {
            return Optional.empty();
        }
        String head = chain.contains(".") ? chain.substring(0, chain.indexOf('.')) : chain;
        if (variables.contains(head)) {
            return Optional.empty();
        }
        Optional<Class<?>> type = types.resolve(chain);
        if (type.isPresent()) {
            return Optional.of(new Reference(chain, type.get()));
        }
        // a property path (addressedTo.size(), case.score) has no segment a type's name
        if (isProperty(head) && Arrays.stream(chain.split("\\.")).noneMatch(s -> Character.isUpperCase(s.charAt(0)))) {
            return Optional.empty();
        }
        refuse(scope, chain);
        return Optional.of(new Reference(chain, null));
    }

    /** {@code a.b.C} for a scope made only of names; null for anything else. */
    private static String nameChain(Expression expression) {
        if (expression instanceof NameExpr name) {
            return name.getNameAsString();
        }
        if (expression instanceof FieldAccessExpr field) {
            String scope = nameChain(field.getScope());
            return scope == null ? null : scope + "." + field.getNameAsString();
        }
        return null;
    }

    private void refuse(Node node, String construct) {
        int line = node.getBegin().map(position -> position.line).orElse(1);
        violations.add(new Violation(firstLine + line - 1, construct));
    }

    /** A construct in words: "a while loop", "a lambda". */
    private static String describe(Node node) {
        String name = node.getClass().getSimpleName().replaceAll("(Stmt|Expr)$", "");
        return switch (name) {
            case "While" -> "a while loop";
            case "Do" -> "a do-while loop";
            case "For", "ForEach" -> "a for loop";
            case "Lambda" -> "a lambda";
            case "MethodReference" -> "a method reference";
            case "Class" -> "a class literal (" + node + ")";
            default -> "a " + name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT) + " ("
                    + abbreviate(node.toString()) + ")";
        };
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    private static String firstProblem(ParseResult<?> parsed) {
        return parsed.getProblems().isEmpty() ? "unknown"
                : parsed.getProblems().get(0).getMessage().lines().findFirst().orElse("");
    }

}
