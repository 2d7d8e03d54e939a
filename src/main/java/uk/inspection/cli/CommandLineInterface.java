package uk.inspection.cli;

import java.io.PrintWriter;
import java.util.Set;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jar's commands (README, "Regression suites from the command line"); without one,
 * the jar runs the HTTP service.
 */
@Command(name = "inspection-ratings", mixinStandardHelpOptions = true,
        subcommands = { TestCommand.class, CompareCommand.class, ValidateCommand.class, DiffCommand.class,
                TextconvCommand.class, CommandLine.HelpCommand.class })
public final class CommandLineInterface {

    private static final Set<String> COMMANDS = Set.of("test", "compare", "validate", "diff", "textconv", "help",
            "--help", "-h", "--version", "-V");

    private CommandLineInterface() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /**
     * Runs a command; the exit code: 0 it ran, 1 it found failures or changes, 2 bad
     * arguments.
     */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // Without Spring Boot's logging setup Logback would print Drools' debug output.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // Drools advises on constraints that use earlier bindings ("class reactivity"):
        // advice, not a fault.
        ((Logger) LoggerFactory.getLogger("org.drools.mvel.MVELConstraint")).setLevel(Level.ERROR);
        return new CommandLine(new CommandLineInterface()).setOut(out).setErr(err).execute(args);
    }

}
