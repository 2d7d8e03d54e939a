package uk.inspection.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes every command shares, so that a script can tell "it ran and found
 * something" from "it was called wrongly" from "the rules do not build".
 */
final class ExitCodes {

    static final int OK = 0;

    static final int FOUND = 1;

    static final int USAGE = 2;

    static final int RULES_DO_NOT_BUILD = 3;

    private ExitCodes() {
    }

    /** As {@code --help} lists them under "Exit codes:". */
    static Map<String, String> described() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(" " + OK, "it ran and passed, or nothing changed");
        codes.put(" " + FOUND, "it ran and found failures, problems or changes");
        codes.put(" " + USAGE, "bad usage: an unknown command or option, a missing or wrong argument");
        codes.put(" " + RULES_DO_NOT_BUILD, "a rule set does not build (its problems on standard error)");
        return codes;
    }

}
