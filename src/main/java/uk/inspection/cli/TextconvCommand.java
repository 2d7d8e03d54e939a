package uk.inspection.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import uk.inspection.diff.RuleDiff;

@Command(name = "textconv",
        description = { "Prints a decision table as text, for git diff.",
                "A line per rule row, each cell by its column's label: a Git textconv driver, so that git diff shows "
                        + "table changes as lines (see .gitattributes). Any other file is printed as it is.",
                "", "Example: java -jar inspection-ratings.jar textconv decision-tables/yj-2024/bandings.drl.xlsx" })
class TextconvCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = { "the file Git hands over", "Example: decision-tables/yj-2024/bandings.drl.xlsx" })
    Path file;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        byte[] content = Files.readAllBytes(file);
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".csv")) {
            new RuleDiff().render(file.getFileName().toString(), content).forEach(out::println);
        }
        else {
            out.print(new String(content, StandardCharsets.UTF_8));
        }
        out.flush();
        return ExitCodes.OK;
    }

}
