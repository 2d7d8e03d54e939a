package uk.inspection.ruleset;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A framework's manifest ({@code rules/<framework>/framework.yaml}): its name, rating
 * scale, inspection types and standards. The request validator and the fact builder read
 * it; the rules read the facts built from it. {@code retiredKeyQuestions} gives, in the
 * framework's own words, what to tell a client who sends a key question an earlier
 * framework had and this one no longer has. {@code inForce}, when given (else null), says
 * which inspections the framework applies to ({@link InForce}).
 */
public record Manifest(String name, Kind kind, String source, List<ScaleStep> ratingScale,
        List<InspectionType> inspectionTypes, List<Standard> standards, Panel panel,
        Map<String, TableDomain> tableDomains, Map<String, List<String>> vocabularies, List<String> accepts,
        Map<String, String> retiredKeyQuestions, InForce inForce) {

    /**
     * What a rule set decides: inspection ratings (the default), Youth Justice Board
     * oversight of quarters, or the follow-up of an inspection report's recommendations.
     */
    public enum Kind {

        RATINGS, OVERSIGHT, FOLLOW_UP;

        /** How messages name it: "ratings", "oversight", "follow-up". */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether its requests carry ratings, so its manifest needs a rating scale. */
        public boolean usesRatingScale() {
            return this != FOLLOW_UP;
        }

    }

    public Manifest {
        kind = kind == null ? Kind.RATINGS : kind;
        vocabularies = vocabularies == null ? Map.of() : Map.copyOf(vocabularies);
        accepts = accepts == null ? List.of() : List.copyOf(accepts);
        retiredKeyQuestions = retiredKeyQuestions == null ? Map.of() : Map.copyOf(retiredKeyQuestions);
        tableDomains = tableDomains == null ? Map.of() : Map.copyOf(tableDomains);
        ratingScale = ratingScale == null ? List.of() : List.copyOf(ratingScale);
        inspectionTypes = inspectionTypes == null ? List.of() : List.copyOf(inspectionTypes);
        standards = standards == null ? List.of() : List.copyOf(standards);
        panel = panel == null ? new Panel(false) : panel;
    }

    /** One rating of the scale, lowest first. */
    public record ScaleStep(String code, String label, int score) {
    }

    /** An inspection type and the standards it rates. */
    public record InspectionType(String code, String name, List<String> standards) {
        public InspectionType {
            standards = standards == null ? List.of() : List.copyOf(standards);
        }
    }

    /**
     * A standard; {@code ratedFrom} is {@code CASES} (rules compute it) or
     * {@code JUDGEMENT} (given in the request, which must then give it when
     * {@code required}).
     */
    public record Standard(String code, String name, String ratedFrom, boolean countsTowardOverall, boolean panelChoice,
            boolean required, List<KeyQuestion> keyQuestions) {

        public static final String CASES = "CASES";

        public static final String JUDGEMENT = "JUDGEMENT";

        public Standard {
            keyQuestions = keyQuestions == null ? List.of() : List.copyOf(keyQuestions);
        }

        public boolean isJudgement() {
            return JUDGEMENT.equals(ratedFrom);
        }
    }

    /**
     * A key question; {@code answeredBy} is {@code CASES} (a share of cases) or
     * {@code JUDGEMENT} (yes or no).
     */
    public record KeyQuestion(String code, String question, String answeredBy) {
        public KeyQuestion {
            answeredBy = answeredBy == null ? Standard.CASES : answeredBy;
        }

        public boolean isJudgement() {
            return Standard.JUDGEMENT.equals(answeredBy);
        }
    }

    /**
     * What a decision-table condition column ranges over, keyed {@code Fact.field}:
     * numbers {@code from}–{@code to} (both included), listed {@code values}, or the
     * rating scale ({@code scale: true}). {@code validate} sweeps tables against these
     * for gaps and overlaps.
     */
    public record TableDomain(java.math.BigDecimal from, java.math.BigDecimal to, List<String> values, boolean scale) {
        public TableDomain {
            values = values == null ? List.of() : List.copyOf(values);
        }

        public boolean isRange() {
            return from != null && to != null;
        }
    }

    /** What the ratings panel may do beyond choosing inside a permitted range. */
    public record Panel(boolean overallDeparture) {
    }

    /**
     * Whether requests may carry this optional context field (region, nation,
     * fieldworkEnd, organisationalAlerts).
     */
    public boolean acceptsField(String field) {
        return accepts.contains(field);
    }

    public boolean isRatings() {
        return kind == Kind.RATINGS;
    }

    /**
     * The codes a request field may take ({@code vocabularies} in the manifest), if the
     * manifest lists them.
     */
    public Optional<List<String>> vocabulary(String field) {
        return Optional.ofNullable(vocabularies.get(field));
    }

    /** Why a key question this framework retired is not accepted, in its own words. */
    public Optional<String> retiredKeyQuestion(String code) {
        return Optional.ofNullable(retiredKeyQuestions.get(code));
    }

    public Optional<Standard> standard(String code) {
        return standards.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<InspectionType> inspectionType(String code) {
        return inspectionTypes.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public Optional<ScaleStep> scaleStep(String rating) {
        return ratingScale.stream().filter(s -> s.code().equals(rating)).findFirst();
    }

    /**
     * The standards an inspection of this type rates; every standard when the framework
     * has no types.
     */
    public List<Standard> standardsFor(String inspectionTypeCode) {
        if (inspectionTypes.isEmpty()) {
            return standards;
        }
        List<String> codes = inspectionType(inspectionTypeCode).map(InspectionType::standards).orElse(List.of());
        return standards.stream().filter(s -> codes.contains(s.code())).toList();
    }
}
