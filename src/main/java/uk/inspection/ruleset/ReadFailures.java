package uk.inspection.ruleset;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import uk.inspection.engine.LoadProblem;

/**
 * A rule file that could not be read, reported at its path relative to the rules home and
 * in words, never the server's absolute path or the exception's.
 */
final class ReadFailures {

    private ReadFailures() {
    }

    static LoadProblem of(Path home, String framework, IOException e) {
        String file = RuleSetFiles.RULES + "/" + framework;
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            Path path = Path.of(fs.getFile()).toAbsolutePath().normalize();
            file = path.startsWith(home) ? home.relativize(path).toString().replace('\\', '/')
                    : path.getFileName().toString();
        }
        String why = e instanceof AccessDeniedException ? "the service is not allowed to read it"
                : e instanceof NoSuchFileException ? "it disappeared while it was being read" : "it cannot be read";
        return LoadProblem.inFile(file, "cannot read the file: " + why);
    }

}
