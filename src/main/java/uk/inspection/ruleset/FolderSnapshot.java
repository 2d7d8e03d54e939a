package uk.inspection.ruleset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A rules home folder on disk, read as it is now. */
public record FolderSnapshot(Path home) implements RulesSnapshot {

    @Override
    public List<String> frameworks() {
        return RuleSetFiles.frameworks(home);
    }

    @Override
    public List<RuleFile> files(String framework) throws IOException {
        return RuleSetFiles.read(home, framework);
    }

    @Override
    public List<RuleFile> fixtures(String framework) throws IOException {
        return RuleSetFiles.fixtures(home, framework);
    }

    @Override
    public String commit() {
        return null;
    }
}
