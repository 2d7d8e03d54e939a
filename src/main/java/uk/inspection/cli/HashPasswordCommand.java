package uk.inspection.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "hash-password",
        description = { "Prints a {bcrypt} hash of a password for access.users[n].password.",
                "Reads the password without echo on a terminal, otherwise the first line of standard input, "
                        + "so it never shows in the process list or the shell history.",
                "", "Example: echo -n 's3cret' | java -jar inspection-ratings.jar hash-password" })
class HashPasswordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    CommandLineInterface root;

    @Option(names = "--strength", paramLabel = "4..31", defaultValue = "10",
            description = { "bcrypt's cost: 2^N rounds; default: ${DEFAULT-VALUE}", "Example: --strength 12" })
    int strength;

    @Override
    public Integer call() throws Exception {
        if (strength < 4 || strength > 31) {
            throw new ParameterException(spec.commandLine(), "--strength must be 4 to 31, was " + strength);
        }
        String password = read();
        if (password == null || password.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no password given on standard input");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("{bcrypt}" + new BCryptPasswordEncoder(strength).encode(password));
        out.flush();
        return ExitCodes.OK;
    }

    private String read() throws java.io.IOException {
        if (root.input != null) {
            return root.input.readLine();
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("password: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

}
