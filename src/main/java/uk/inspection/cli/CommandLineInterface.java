package uk.inspection.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.Set;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The jar's commands (docs/api.md, "Command line"); without one, the jar runs the HTTP
 * service.
 */
// INHERIT: every command has --help and -V, and -V names the same versions.
@Command(name = "inspection-ratings", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = { "Without a command, serves the rule sets over HTTP (--server.port=N and other --name=value "
                + "settings). With one, runs it and exits." },
        subcommands = { TestCommand.class, CompareCommand.class, GenerateCorpusCommand.class, ValidateCommand.class,
                DiffCommand.class, TextconvCommand.class, HashPasswordCommand.class, CommandLine.HelpCommand.class })
public final class CommandLineInterface {

    /** Options that ask the command line, not the service, for an answer. */
    private static final Set<String> OWN_OPTIONS = Set.of("--help", "-h", "--version", "-V");

    /**
     * What {@code hash-password} reads from; null: the console without echo, or standard
     * input when there is no console.
     */
    final BufferedReader input;

    private CommandLineInterface(BufferedReader input) {
        this.input = input;
    }

    /**
     * Whether the arguments name a command. Spring Boot's own arguments are all
     * {@code --name=value}; anything else is meant for the command line, which refuses an
     * unknown command (exit 2) rather than quietly starting the server on a typo.
     */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (!args[0].startsWith("--") || OWN_OPTIONS.contains(args[0]));
    }

    /** Runs a command; the exit codes are {@link ExitCodes}, listed by every --help. */
    public static int run(String[] args) {
        return run(args, null, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, new BufferedReader(new java.io.StringReader("")), out, err);
    }

    public static int run(String[] args, BufferedReader in, PrintWriter out, PrintWriter err) {
        // Without Spring Boot's logging setup Logback would print Drools' debug output.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // Drools advises on constraints that use earlier bindings ("class reactivity"):
        // advice, not a fault.
        ((Logger) LoggerFactory.getLogger("org.drools.mvel.MVELConstraint")).setLevel(Level.ERROR);
        return commandLine(in, out, err).execute(args);
    }

    /** Every command, wired to these streams, with the exit codes documented. */
    static CommandLine commandLine(BufferedReader in, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new CommandLineInterface(in)).setOut(out)
            .setErr(err)
            .setExecutionExceptionHandler((e, cmd, parsed) -> {
                if (e instanceof RulesDoNotBuild rules) {
                    // The call was right; the usage text would only hide the problems.
                    rules.problems().forEach(cmd.getErr()::println);
                    cmd.getErr().flush();
                    return ExitCodes.RULES_DO_NOT_BUILD;
                }
                if (e instanceof DecisionsReplay.UnreadableSource source) {
                    // A wrong argument, said in one line: the usage text would bury it.
                    cmd.getErr().println(source.getMessage());
                    cmd.getErr().flush();
                    return ExitCodes.USAGE;
                }
                throw e;
            });
        document(commandLine);
        return commandLine;
    }

    /** The same exit codes on every command's --help. */
    private static void document(CommandLine commandLine) {
        commandLine.getCommandSpec()
            .usageMessage()
            .exitCodeListHeading("%nExit codes:%n")
            .exitCodeList(ExitCodes.described());
        commandLine.getSubcommands().values().forEach(CommandLineInterface::document);
    }

}
