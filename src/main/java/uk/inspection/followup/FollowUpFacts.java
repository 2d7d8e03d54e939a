package uk.inspection.followup;

import java.util.ArrayList;
import java.util.List;

import uk.inspection.followup.facts.Addressee;
import uk.inspection.followup.facts.FollowUpReport;
import uk.inspection.followup.facts.ReportRecommendation;

/** Turns a validated follow-up request into the facts the follow-up rules reason over. */
final class FollowUpFacts {

    private FollowUpFacts() {
    }

    static List<Object> of(FollowUpRequest request) {
        List<Object> facts = new ArrayList<>();
        facts.add(new FollowUpReport(request.report(), request.reportKind(), request.draftReceived(),
                request.published(), request.recommendations().size()));
        for (int i = 0; i < request.recommendations().size(); i++) {
            FollowUpRequest.RecommendationInput recommendation = request.recommendations().get(i);
            facts.add(new ReportRecommendation(recommendation.id(), recommendation.addressedTo()));
            for (int j = 0; j < recommendation.addressedTo().size(); j++) {
                facts.add(new Addressee(recommendation.id(), recommendation.addressedTo().get(j),
                        "recommendations[" + i + "].addressedTo[" + j + "]"));
            }
        }
        return facts;
    }

}
