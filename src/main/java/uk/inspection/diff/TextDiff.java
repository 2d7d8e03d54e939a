package uk.inspection.diff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * A DRL file compared as text: the unified diff Git would show, with three lines of
 * context.
 */
final class TextDiff {

    private TextDiff() {
    }

    static void compare(String path, byte[] before, byte[] after, List<String> lines) throws IOException {
        RawText a = new RawText(before);
        RawText b = new RawText(after);
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
            .diff(RawTextComparator.DEFAULT, a, b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(out)) {
            formatter.format(edits, a, b);
        }
        lines.add("--- " + path);
        lines.add("+++ " + path);
        out.toString(StandardCharsets.UTF_8).lines().forEach(lines::add);
    }

}
