package uk.inspection.web;

/** A request pinned a rule-set version that is no longer kept; answered with 410. */
public class VersionGoneException extends RuntimeException {

    public VersionGoneException(String framework, String version, int kept) {
        super("rule-set version " + version + " of " + framework + " is not kept (the last " + kept
                + " good versions are; GET /api/v1/frameworks/" + framework + "/versions lists them)");
    }
}
