package uk.inspection.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import uk.inspection.regression.Comparison.SideReport;
import uk.inspection.regression.LoadedRuleSets;
import uk.inspection.ruleset.EffectiveDates;
import uk.inspection.ruleset.PublishedVersion;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RulesSnapshot;
import uk.inspection.ruleset.VersionWanted;
import uk.inspection.store.GitRuleStore;
import uk.inspection.store.StoreRules;

/**
 * A compare side read from the rule store ({@code as-of:<instant or date>[:framework]}):
 * the framework's version in force at that instant, as {@code Ruleset-As-Of} picks it,
 * built as the service builds any version.
 */
record AsOfSide(String when, Instant at, String framework) {

    static final String PREFIX = "as-of:";

    /**
     * A framework id ends the side after a colon; an instant's last colon is followed by
     * digits ({@code T09:00:00Z}, {@code +01:00}).
     */
    private static final Pattern FRAMEWORK = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** A side built from the store, with the version it holds. */
    record Built(LoadedRuleSets rules, PublishedVersion version) {
    }

    static boolean isAsOf(String side) {
        return side.startsWith(PREFIX);
    }

    /**
     * The framework a side names itself: {@code HOME:framework} or
     * {@code as-of:WHEN:framework}; null when it names none.
     */
    static String ownFramework(String side) {
        if (!isAsOf(side)) {
            return uk.inspection.regression.Side.parse(side).framework();
        }
        String rest = side.substring(PREFIX.length());
        int colon = rest.lastIndexOf(':');
        String tail = colon < 0 ? "" : rest.substring(colon + 1);
        return FRAMEWORK.matcher(tail).matches() ? tail : null;
    }

    /**
     * An {@code as-of:} side; without a framework of its own it compares the other
     * side's.
     */
    static AsOfSide parse(String side, String otherSide, CommandLine commandLine) {
        String framework = ownFramework(side);
        String rest = side.substring(PREFIX.length());
        String when = framework == null ? rest : rest.substring(0, rest.length() - framework.length() - 1);
        if (framework == null) {
            framework = ownFramework(otherSide);
        }
        if (framework == null) {
            throw new ParameterException(commandLine,
                    side + ": name the framework, on this side (" + PREFIX + when + ":yj-2024) or on the other");
        }
        try {
            return new AsOfSide(when, VersionWanted.parseInstant(when), framework);
        }
        catch (DateTimeException e) {
            throw new ParameterException(commandLine,
                    side + ": as of an instant (2026-04-01T09:00:00Z, or with an offset) or a date (2026-04-01: the"
                            + " start of that day in Europe/London), not " + when);
        }
    }

    /**
     * The version in force at the instant, built from the store; a framework the store
     * does not hold, or an instant before its first version took effect, is bad usage.
     */
    Built build(Path store, CommandLine commandLine, Consumer<String> building) {
        try (GitRuleStore repository = GitRuleStore.openExisting(store)) {
            StoreRules rules = new StoreRules(repository);
            List<PublishedVersion> published = rules.published(framework).orElse(List.of());
            if (published.isEmpty()) {
                throw new ParameterException(commandLine, "the rule store " + store + " has published no version of "
                        + framework + " (give --store DIR for another)");
            }
            PublishedVersion version = EffectiveDates.inForceAt(published, at)
                .orElseThrow(() -> new ParameterException(commandLine, "no version of " + framework + " was in force "
                        + this + ": the first took effect at " + firstEffective(published)));
            RulesSnapshot snapshot = rules.holding(framework, version.rulesetVersion()).orElseThrow();
            return new Built(new LoadedRuleSets(snapshot, List.of(framework), building), version);
        }
        catch (IOException e) {
            throw new ParameterException(commandLine,
                    "cannot read the rule store " + store + " (give --store DIR): " + e.getMessage());
        }
    }

    /** How the reports name this side, with the version in force and since when. */
    SideReport report(Path store, Built built) {
        RuleSet ruleSet = built.rules().get(framework);
        return new SideReport(store.toAbsolutePath().normalize() + " " + this, framework,
                ruleSet == null ? null : ruleSet.version(), null, built.version().effectiveFrom().toString());
    }

    /** "yj-2024 sha256:..., in force from 2026-01-10T09:00:00Z" */
    String describe(Built built) {
        return framework + " " + built.version().rulesetVersion() + ", in force from "
                + built.version().effectiveFrom();
    }

    private static Instant firstEffective(List<PublishedVersion> published) {
        return published.stream()
            .filter(v -> !v.wasCancelled())
            .map(PublishedVersion::effectiveFrom)
            .min(Comparator.naturalOrder())
            .orElseThrow();
    }

    /**
     * "as of 2026-01-01 (2026-01-01T00:00:00Z)", or the instant alone when given as one.
     */
    @Override
    public String toString() {
        return "as of " + when + (when.equals(at.toString()) ? "" : " (" + at + ")");
    }

}
