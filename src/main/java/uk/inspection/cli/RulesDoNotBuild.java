package uk.inspection.cli;

import java.util.List;

/**
 * A command needs a rule set that does not build: exit 3 with the problems, and no usage
 * text (the call was right, the rules are not).
 */
final class RulesDoNotBuild extends RuntimeException {

    private final List<String> problems;

    RulesDoNotBuild(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }

}
