package uk.inspection.store;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jgit.lib.ObjectId;

import uk.inspection.ruleset.RuleFile;
import uk.inspection.ruleset.RulesSnapshot;

/**
 * The rules in force at one instant: each framework at the commit that published its
 * version in force then. The published branch's head may hold a version scheduled for
 * later, which is not served until its instant comes.
 */
record InForceSnapshot(GitRuleStore store, ObjectId head, Map<String, ObjectId> commits) implements RulesSnapshot {

    InForceSnapshot {
        commits = new TreeMap<>(commits);
    }

    @Override
    public List<String> frameworks() {
        return List.copyOf(commits.keySet());
    }

    @Override
    public List<RuleFile> files(String framework) throws IOException {
        return at(framework).files(framework);
    }

    @Override
    public List<RuleFile> fixtures(String framework) throws IOException {
        return at(framework).fixtures(framework);
    }

    @Override
    public String commit() {
        return head.getName();
    }

    @Override
    public String commit(String framework) {
        return at(framework).commit();
    }

    private CommitSnapshot at(String framework) {
        return new CommitSnapshot(store, commits.getOrDefault(framework, head));
    }

}
