package uk.inspection.ruleset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles one framework's DRL files and decision tables into a KieBase, with the classic
 * (non-executable-model) build so rules load at runtime and errors keep their line numbers.
 * Every problem comes back located at its file and line or sheet row.
 */
final class RuleSetCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

    record Compiled(KieBase kieBase, Map<String, RuleOrigin> origins) {}

    private RuleSetCompiler() {}

    /** Builds the rule files; returns null and fills {@code problems} when they do not compile. */
    static Compiled compile(String framework, List<RuleFile> files, List<LoadProblem> problems) {
        KieServices kie = KieServices.Factory.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("uk.inspection.rulesets", framework, "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);

        Map<String, RuleOrigin> origins = new HashMap<>();
        Map<String, RuleFile> byBuilderPath = new HashMap<>();
        Map<String, DrlIndex> indexes = new HashMap<>();
        for (RuleFile file : files) {
            String drl = drlOf(file, problems);
            if (drl == null) {
                continue;
            }
            boolean table = file.kind() == RuleFile.Kind.DECISION_TABLE;
            DrlIndex index = table ? DrlIndex.ofGeneratedTable(file.path(), drl) : DrlIndex.ofDrl(file.path(), drl);
            if (table && index.ruleCount() == 0) {
                problems.add(LoadProblem.inFile(file.path(),
                        "the table yields no rules: is there a 'RuleTable' cell with rows under its headers?"));
                continue;
            }
            String builderPath = RESOURCES + file.path() + (table ? ".drl" : "");
            kfs.write(builderPath, drl.getBytes(StandardCharsets.UTF_8));
            byBuilderPath.put(builderPath, file);
            indexes.put(builderPath, index);
            origins.putAll(index.origins());
        }
        if (!problems.isEmpty()) {
            return null;
        }

        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        for (Message error : errors) {
            problems.add(locate(error, byBuilderPath, indexes));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        KieContainer container = kie.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        // The KieBase is all we keep; the repository would otherwise hold every build's module.
        kie.getRepository().removeKieModule(releaseId);
        return new Compiled(kieBase, origins);
    }

    private static String drlOf(RuleFile file, List<LoadProblem> problems) {
        switch (file.kind()) {
            case DRL:
                return new String(file.content(), StandardCharsets.UTF_8);
            case DECISION_TABLE:
                try {
                    return DecisionTableTranslator.toDrl(file);
                } catch (RuntimeException e) {
                    problems.add(LoadProblem.inFile(file.path(), "cannot read the decision table: " + rootMessage(e)));
                    return null;
                }
            case SKIPPED_TABLE:
                problems.add(LoadProblem.inFile(file.path(), "Drools compiles a decision table only when its name ends"
                        + " .drl.xlsx, .drl.xls or .drl.csv; rename it, or move it out of the rule folders"));
                return null;
            default:
                return null;
        }
    }

    private static LoadProblem locate(Message error, Map<String, RuleFile> byBuilderPath, Map<String, DrlIndex> indexes) {
        String path = error.getPath();
        RuleFile file = path == null ? null : byBuilderPath.get(path);
        String text = error.getText() == null ? "" : error.getText().strip();
        if (file == null) {
            return new LoadProblem(path == null ? "(rule set)" : path, null, null, text);
        }
        int line = error.getLine();
        if (file.kind() == RuleFile.Kind.DECISION_TABLE) {
            Integer row = line > 0 ? indexes.get(path).rowAt(line) : null;
            return new LoadProblem(file.path(), null, row, text);
        }
        return new LoadProblem(file.path(), line > 0 ? line : null, null, text);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
