package uk.inspection.ruleset;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own files, under {@code rules.data} (default {@code ./data}): the
 * embedded rule store or a remote store's mirror, the decision journal and, by default,
 * the H2 database of decision records.
 */
@ConfigurationProperties("rules")
public record DataFolder(String data) {

    public DataFolder {
        data = data == null || data.isBlank() ? "./data" : data;
    }

    /** A file or folder in it, as an absolute path. */
    public Path resolve(String name) {
        return Path.of(data).resolve(name).toAbsolutePath().normalize();
    }

}
