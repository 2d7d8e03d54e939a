package uk.inspection.ratings;

import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;

/**
 * What a rating explains beyond its results, as its {@code explain} query parameter asks:
 * nothing unless asked, so an ordinary rating does no extra work; {@code margins}, how
 * far each key question is from the next band up and down ({@link BandMargins}).
 */
record Explain(boolean margins) {

    static final String PARAMETER = "explain";

    static final String MARGINS = "margins";

    static final String DESCRIPTION = "Off unless given. margins: each key question rated from cases says how many"
            + " cases re-answered (the number of cases unchanged) would move it up or down a band, and what its"
            + " standard and (where it changes) the overall would then be; one rated from a published percentage says"
            + " it in whole points (docs/api.md, \"Margins\"). Found by deciding again with the same version's rules."
            + " Any other value is 400 naming explain.";

    private static final Explain NOTHING = new Explain(false);

    /**
     * The explanations a parameter asks for (a comma-separated list); an unknown one is a
     * malformed request naming the parameter.
     */
    static Explain of(String parameter) {
        if (parameter == null) {
            return NOTHING;
        }
        for (String asked : parameter.split(",", -1)) {
            if (!asked.strip().equals(MARGINS)) {
                throw Failure
                    .malformed(new FieldProblem(PARAMETER,
                            "must be " + MARGINS + " (the only explanation a rating gives on request), or left out"))
                    .exception();
            }
        }
        return new Explain(true);
    }

}
