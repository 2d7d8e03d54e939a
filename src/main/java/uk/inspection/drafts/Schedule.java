package uk.inspection.drafts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.ProblemType;
import uk.inspection.ruleset.EffectiveDates;
import uk.inspection.ruleset.PublishedVersion;
import uk.inspection.ruleset.VersionPrefix;

/**
 * When a publish may take effect, and which scheduled version may be cancelled: never in
 * the past (that would rewrite what was in force), never before a version of the same
 * framework published earlier (publication order is the order of taking effect, so what
 * was in force at any instant is one version), and only the latest scheduled version is
 * cancelled, before its instant.
 */
final class Schedule {

    static final String EFFECTIVE_FROM = "effectiveFrom";

    private Schedule() {
    }

    /**
     * Why a publish of the framework may not take effect at {@code effectiveFrom}, if
     * not.
     */
    static Optional<Failure> refusal(String framework, Instant effectiveFrom, Instant now,
            List<PublishedVersion> published) {
        if (effectiveFrom != null && effectiveFrom.isBefore(now)) {
            return Optional.of(invalid("is in the past (it is now " + now
                    + "): a version cannot take effect before it is published, as that would rewrite what was in force"));
        }
        Instant from = effectiveFrom == null ? now : effectiveFrom;
        return EffectiveDates.latest(published)
            .filter(latest -> latest.effectiveFrom().isAfter(from))
            .map(latest -> invalid("version " + latest.rulesetVersion() + " of " + framework
                    + " is scheduled to take effect at " + latest.effectiveFrom()
                    + "; a later publish takes effect at or after it (give effectiveFrom), or cancel that one first"));
    }

    /**
     * The version to cancel: the latest of the framework not cancelled, named by its
     * rulesetVersion (or a prefix of it: {@link VersionPrefix}) or commit, while it is
     * still scheduled.
     */
    static Decision<PublishedVersion> cancellable(String framework, String version, Instant now,
            List<PublishedVersion> published) {
        return VersionPrefix.resolvePublished("version", version, published)
            .then(named -> cancellableNamed(framework, named, now, published));
    }

    private static Decision<PublishedVersion> cancellableNamed(String framework, String version, Instant now,
            List<PublishedVersion> published) {
        Optional<PublishedVersion> named = published.stream()
            .filter(v -> !v.wasCancelled())
            .filter(v -> v.rulesetVersion().equals(version) || v.commit().equals(version))
            .findFirst();
        if (named.isEmpty()) {
            return Decision.refused(Failure.versionGone(framework, version, "no such version is scheduled"));
        }
        PublishedVersion target = named.get();
        if (!target.effectiveFrom().isAfter(now)) {
            return Decision
                .refused(conflict("version " + target.rulesetVersion() + " of " + framework + " took effect at "
                        + target.effectiveFrom() + " and can no longer be cancelled; propose a" + " rollback instead"));
        }
        PublishedVersion latest = EffectiveDates.latest(published).orElseThrow();
        if (latest != target) {
            return Decision.refused(
                    conflict("version " + latest.rulesetVersion() + " of " + framework + " is scheduled after it, from "
                            + latest.effectiveFrom() + ", and builds on it: cancel that first"));
        }
        return Decision.decided(target);
    }

    private static Failure invalid(String message) {
        return Failure.invalidFacts(List.of(new FieldProblem(EFFECTIVE_FROM, message)));
    }

    private static Failure conflict(String message) {
        return new Failure(ProblemType.CONFLICT, message, List.of());
    }

}
