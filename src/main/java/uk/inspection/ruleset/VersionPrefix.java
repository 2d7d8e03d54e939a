package uk.inspection.ruleset;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;

/**
 * A version named by a prefix of its hash, as people copy it from a page
 * ({@code sha256:496d27796e10}): the one place a prefix is resolved, against the versions
 * a framework has published. A prefix is {@code sha256:} and at least {@value #SHORTEST}
 * hex digits, as unlikely to be shared as a short Git commit; a bare hex string is left
 * alone, since where a commit is accepted it names a commit.
 */
public final class VersionPrefix {

    /** The fewest hex digits a prefix may have. */
    public static final int SHORTEST = 12;

    private static final String SCHEME = "sha256:";

    private static final int FULL = 64;

    private static final Pattern HEX_AFTER_SCHEME = Pattern.compile(Pattern.quote(SCHEME) + "([0-9a-fA-F]*)");

    private VersionPrefix() {
    }

    /**
     * The full version a value names: a prefix of exactly one of the versions, that
     * version (a whole version in capitals too); anything that is not a prefix (a commit,
     * several values), or a prefix of none, as it is, for the caller's own checks (a
     * version never published is the caller's 410). Refused 400 naming the field for a
     * prefix shorter than {@value #SHORTEST} hex digits, or one that several versions
     * share (listing them).
     */
    public static Decision<String> resolve(String field, String given, Collection<String> versions) {
        Matcher hex = given == null ? null : HEX_AFTER_SCHEME.matcher(given);
        // a whole version is resolved too: in capitals, it names the version as a prefix
        // in capitals does
        if (hex == null || !hex.matches() || hex.group(1).length() > FULL) {
            return Decision.decided(given);
        }
        if (hex.group(1).length() < SHORTEST) {
            return refused(field, "a version or a prefix of one with at least " + SHORTEST + " hex digits after "
                    + SCHEME + " (such as sha256:496d27796e10), not " + given);
        }
        String prefix = SCHEME + hex.group(1).toLowerCase(Locale.ROOT);
        List<String> named = versions.stream().filter(v -> v.startsWith(prefix)).distinct().sorted().toList();
        if (named.size() > 1) {
            return refused(field, given + " is the start of " + named.size() + " versions (" + String.join(", ", named)
                    + "): give more of it");
        }
        return Decision.decided(named.isEmpty() ? given : named.get(0));
    }

    /** The same, against the versions a framework has published. */
    public static Decision<String> resolvePublished(String field, String given, List<PublishedVersion> published) {
        return resolve(field, given, published.stream().map(PublishedVersion::rulesetVersion).toList());
    }

    private static Decision<String> refused(String field, String message) {
        return Decision.refused(Failure.malformed(new FieldProblem(field, message)));
    }

}
