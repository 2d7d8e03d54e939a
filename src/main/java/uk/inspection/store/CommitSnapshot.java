package uk.inspection.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.jgit.lib.ObjectId;

import uk.inspection.ruleset.RuleFile;
import uk.inspection.ruleset.RuleSetFiles;
import uk.inspection.ruleset.RulesSnapshot;

/** The rules of one commit of the rule store. */
record CommitSnapshot(GitRuleStore store, ObjectId id) implements RulesSnapshot {

    @Override
    public List<String> frameworks() {
        try {
            TreeSet<String> ids = new TreeSet<>(store.folders(id, RuleSetFiles.RULES));
            ids.addAll(store.folders(id, RuleSetFiles.TABLES));
            return List.copyOf(ids);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<RuleFile> files(String framework) throws IOException {
        List<RuleFile> files = new ArrayList<>();
        store.files(id, List.of(RuleSetFiles.RULES + "/" + framework, RuleSetFiles.TABLES + "/" + framework))
            .forEach((path, content) -> files.add(new RuleFile(path, content)));
        return files;
    }

    @Override
    public List<RuleFile> fixtures(String framework) throws IOException {
        List<RuleFile> files = new ArrayList<>();
        store.files(id, List.of(RuleSetFiles.FIXTURES + "/" + framework))
            .forEach((path, content) -> files.add(new RuleFile(path, content)));
        return files.stream().filter(f -> RuleSetFiles.isFixture(f.path())).toList();
    }

    @Override
    public String commit() {
        return id.getName();
    }
}
