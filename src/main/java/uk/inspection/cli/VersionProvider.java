package uk.inspection.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

import uk.inspection.ruleset.RuleSetFiles;

/**
 * {@code -V}: the application's version, and the rulesetVersion each rule set under the
 * working directory would be served as (hashed from its files, not built: instant).
 */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("inspection-ratings " + applicationVersion());
        Path home = Path.of(".");
        for (String framework : RuleSetFiles.frameworks(home)) {
            lines.add("  " + framework + " " + RuleSetFiles.version(home, framework));
        }
        return lines.toArray(String[]::new);
    }

    /** The build's version, as the build wrote it into application.properties. */
    static String applicationVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties.getProperty("inspection-ratings.version", "unknown");
    }

}
