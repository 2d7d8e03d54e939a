package uk.inspection.ruleset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.RuleLocation;
import uk.inspection.problem.Failure;
import uk.inspection.problem.ProblemType;

/**
 * The versions taken out of service because their rules ran away on a request twice
 * (threw, looped, or passed the evaluation deadline, and did again when the request was
 * decided once more): logged, counted per framework, never served or pinned again. No
 * other version serves in a withdrawn one's place: what serves changes only by a publish.
 * As a check, it refuses to serve a withdrawn version when its files are built again: the
 * files must change first.
 */
@Component
public class Withdrawals implements RuleSetCheck {

    private static final Logger log = LoggerFactory.getLogger(Withdrawals.class);

    /** One withdrawn version: when, why, and the rule to blame. */
    public record Withdrawal(String rulesetVersion, Instant withdrawnAt, String reason, RuleLocation culprit) {
    }

    private final ConcurrentMap<String, List<Withdrawal>> byFramework = new ConcurrentHashMap<>();

    void record(RuleSet ruleSet, Failure failure, Instant at) {
        if (of(ruleSet.id(), ruleSet.version()).isPresent()) {
            return;
        }
        byFramework.compute(ruleSet.id(), (id, list) -> {
            List<Withdrawal> withdrawn = list == null ? new ArrayList<>() : new ArrayList<>(list);
            withdrawn.add(new Withdrawal(ruleSet.version(), at, failure.detail(), failure.culprit()));
            return List.copyOf(withdrawn);
        });
        log.error("Rule set {} {} withdrawn from service ({} so far): {}", ruleSet.id(), ruleSet.version(),
                of(ruleSet.id()).size(), failure.detail());
    }

    /** The withdrawn versions of a framework, oldest first. */
    public List<Withdrawal> of(String framework) {
        return byFramework.getOrDefault(framework, List.of());
    }

    Optional<Withdrawal> of(String framework, String version) {
        return of(framework).stream().filter(w -> w.rulesetVersion().equals(version)).findFirst();
    }

    /**
     * Why a withdrawn version decides no request: pinned, it is gone (410); published,
     * the framework answers 503 saying so and how the team restores it.
     */
    static Failure refusal(String framework, Withdrawal withdrawal, boolean pinned) {
        if (pinned) {
            return Failure.versionGone(framework, withdrawal.rulesetVersion(), "it was withdrawn at "
                    + withdrawal.withdrawnAt() + " after its rules ran away on a request: " + withdrawal.reason());
        }
        return new Failure(ProblemType.RULE_SET_UNAVAILABLE,
                "version " + withdrawal.rulesetVersion() + " of " + framework + " was withdrawn at "
                        + withdrawal.withdrawnAt() + " after its rules ran away on a" + " request twice ("
                        + withdrawal.reason() + "); " + framework + " answers 503 until a fix or a"
                        + " rollback is published through the usual approval: no other version serves in its place",
                null);
    }

    @Override
    public List<LoadProblem> check(RuleSet ruleSet) {
        return of(ruleSet.id(), ruleSet.version()).map(w -> {
            String message = "this version was withdrawn at " + w.withdrawnAt() + " after its rules ran away on a"
                    + " request (" + w.reason() + "); change the rules to build a new version";
            return List
                .of(w.culprit().file() == null ? LoadProblem.inFile(RuleSetFiles.RULES + "/" + ruleSet.id(), message)
                        : w.culprit().problem(message));
        }).orElse(List.of());
    }

}
