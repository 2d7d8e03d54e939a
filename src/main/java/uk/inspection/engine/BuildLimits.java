package uk.inspection.engine;

/**
 * What one rule set may be: rules in all ({@code rules.max-rules}) and bytes in any one
 * file ({@code rules.max-file-bytes}). Rule files are written by people the service does
 * not otherwise trust with its memory: a valid DRL of tens of thousands of rules takes
 * minutes and hundreds of megabytes to build, so it is refused before it is compiled.
 */
public record BuildLimits(int maxRules, long maxFileBytes) {

    /**
     * Far above the rule sets the service serves (tens of rules, files of kilobytes).
     */
    public static final int DEFAULT_MAX_RULES = 2_000;

    public static final long DEFAULT_MAX_FILE_BYTES = 1_048_576;

    public static final BuildLimits DEFAULTS = new BuildLimits(DEFAULT_MAX_RULES, DEFAULT_MAX_FILE_BYTES);

    public BuildLimits {
        if (maxRules < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("rules.max-rules and rules.max-file-bytes must be at least 1, not "
                    + maxRules + " and " + maxFileBytes);
        }
    }

    /** Why a file of this many bytes is refused, or null when it is within the limit. */
    public String whyTooLarge(long bytes) {
        return bytes <= maxFileBytes ? null : "the file is " + bytes + " bytes, over the limit of " + maxFileBytes
                + " bytes per rule file (rules.max-file-bytes)";
    }

    /**
     * Why a rule set of this many rules is refused, or null when it is within the limit.
     */
    public String whyTooManyRules(int rules) {
        return rules <= maxRules ? null : "the rule set has " + rules + " rules, over the limit of " + maxRules
                + " rules per rule set (rules.max-rules)";
    }

}
