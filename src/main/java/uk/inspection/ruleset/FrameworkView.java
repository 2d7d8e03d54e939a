package uk.inspection.ruleset;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A framework as {@code GET /api/v1/frameworks} describes it: the inspections it applies
 * to ({@code inForce}, when its manifest says), the version it serves, the rule store's
 * commit that is (in the store mode) and when, by whom and with whose approval it was
 * published; {@code sources} and {@code lastLoad} in the detail view, with
 * {@code withdrawn} versions when there are any, and {@code damaged} saying why it is not
 * served when its files in the rule store cannot be read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrameworkView(String id, String name, InForce inForce, String rulesetVersion, Instant loadedAt,
        String storeCommit, PublishedVersion published, List<StandardView> standards, List<String> sources,
        LoadStatus lastLoad, List<Withdrawals.Withdrawal> withdrawn, String damaged) {

    public record StandardView(String code, String name, List<String> keyQuestions, String ratedFrom,
            boolean countsTowardOverall, boolean required) {
    }

    /**
     * The view of a framework; the detail view adds its sources and the versions
     * withdrawn for running away, if any.
     */
    static FrameworkView of(String id, RuleSet ruleSet, PublishedVersion published, LoadStatus lastLoad,
            List<Withdrawals.Withdrawal> withdrawn, boolean detail) {
        List<Withdrawals.Withdrawal> shown = detail && !withdrawn.isEmpty() ? withdrawn : null;
        if (ruleSet == null) {
            return new FrameworkView(id, null, null, null, null, null, null, null, null, lastLoad, shown, null);
        }
        List<StandardView> standards = ruleSet.manifest()
            .standards()
            .stream()
            .map(s -> new StandardView(s.code(), s.name(),
                    s.keyQuestions().stream().map(Manifest.KeyQuestion::code).toList(), s.ratedFrom(),
                    s.countsTowardOverall(), s.required()))
            .toList();
        return new FrameworkView(id, ruleSet.manifest().name(), ruleSet.manifest().inForce(), ruleSet.version(),
                ruleSet.loadedAt(), ruleSet.commit(), published, standards, detail ? ruleSet.sources() : null,
                detail || !lastLoad.isOk() ? lastLoad : null, shown, null);
    }

    /**
     * This view of a framework whose files in the rule store are damaged (null: they are
     * not): it is not served.
     */
    FrameworkView damaged(String damage) {
        return new FrameworkView(id, name, inForce, rulesetVersion, loadedAt, storeCommit, published, standards,
                sources, lastLoad, withdrawn, damage);
    }
}
