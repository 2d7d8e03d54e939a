package uk.inspection.oversight.facts;

/**
 * One service's quarter as the request describes it: the judgements and outcomes the
 * criteria read. Any field may be null when the request does not give it.
 */
public record ServiceQuarter(String service, String quarter, String region, Integer currentQuadrant,
        String youthJusticePlan, String standardsDelivery, String inspectorate, String inspectionOverall,
        String ofstedChildrensSocialCare, Boolean exitCriteriaMet) {

    public boolean exitCriteriaConfirmed() {
        return Boolean.TRUE.equals(exitCriteriaMet);
    }
}
