package uk.inspection.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.ruleset.RuleSet;
import uk.inspection.support.ShippedRuleSets;

/**
 * The corpus {@code compare} runs at scale: the same for a seed, accepted by the rules
 * request by request, and spread over the input space, the shipped bandings' edges met
 * from both sides.
 */
class CorpusGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RuleSet yj2024;

    @BeforeAll
    static void build() {
        yj2024 = ShippedRuleSets.of("yj-2024");
    }

    @Test
    void theSameSeedGivesTheSameRequestsWhateverTheOrderAskedIn() {
        CorpusGenerator one = new CorpusGenerator(yj2024, 42);
        CorpusGenerator two = new CorpusGenerator(yj2024, 42);

        JsonNode late = two.request(150).request();
        for (int i = 0; i < 200; i++) {
            assertThat(two.request(i).request()).as("request %d", i).isEqualTo(one.request(i).request());
        }
        assertThat(late).isEqualTo(one.request(150).request());
        assertThat(new CorpusGenerator(yj2024, 43).request(0).request()).isNotEqualTo(one.request(0).request());
    }

    @Test
    void everyRequestIsAcceptedAndDecidedByTheRules() throws Exception {
        CorpusGenerator generator = new CorpusGenerator(yj2024, 1);
        InProcessApi api = new InProcessApi();

        for (int i = 0; i < 1_000; i++) {
            CorpusGenerator.Generated generated = generator.request(i);
            // Read back as compare reads a line, and decided afresh.
            JsonNode line = JSON.readTree(JSON.writeValueAsString(generated.request()));
            InProcessApi.Answer answer = api.answer(yj2024, line);

            assertThat(answer.status()).as("request %d: %s → %s", i, line, answer.body()).isEqualTo(200);
            assertThat(generated.answer().status()).isEqualTo(200);
            assertThat(answer.body().path("overall").path("status").asText()).isNotBlank();
        }
    }

    @Test
    void theCorpusCoversBothInspectionTypesEveryKindOfInputAndEachBandEdgeFromBothSides() {
        CorpusGenerator generator = new CorpusGenerator(yj2024, 1);
        Set<String> seen = new HashSet<>();
        Set<BigDecimal> shares = new HashSet<>();
        Set<String> overalls = new HashSet<>();

        for (int i = 0; i < 3_000; i++) {
            CorpusGenerator.Generated generated = generator.request(i);
            JsonNode request = generated.request();
            seen.add(request.path("inspectionType").asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = request.path("keyQuestions").fields(); it.hasNext();) {
                JsonNode input = it.next().getValue();
                if (input.has("percentage")) {
                    seen.add("percentage");
                    shares.add(input.get("percentage").decimalValue().stripTrailingZeros());
                }
                else if (input.get("cases").asInt() == 0) {
                    seen.add("no cases");
                }
                else {
                    seen.add("counts");
                    BigDecimal share = BigDecimal.valueOf(100L * input.get("yes").asInt());
                    if (share.remainder(BigDecimal.valueOf(input.get("cases").asInt())).signum() == 0) {
                        shares.add(share.divide(BigDecimal.valueOf(input.get("cases").asInt())).stripTrailingZeros());
                    }
                }
            }
            add(seen, request, "cases", "case by case");
            add(seen, request, "panel", "panel choice");
            add(seen, request, "ratings", "judged standards");
            add(seen, request, "fieldworkEnd", "fieldwork end");
            add(seen, request, "organisationalAlerts", "alerts");
            JsonNode overall = generated.answer().body().path("overall");
            overalls.add("FINAL".equals(overall.path("status").asText()) ? overall.path("rating").asText()
                    : overall.path("status").asText());
        }

        assertThat(seen).contains("IYJWCV", "IYJS", "percentage", "no cases", "counts", "case by case", "panel choice",
                "judged standards", "fieldwork end", "alerts");
        // The shipped bandings' edges (decision-tables/yj-2024/bandings.drl.xlsx),
        // exactly
        // and a hundredth below, and the ends of the range.
        for (String share : new String[] { "0", "49.99", "50", "64.99", "65", "79.99", "80", "100" }) {
            assertThat(shares).as("a share of " + share + "%").contains(new BigDecimal(share).stripTrailingZeros());
        }
        assertThat(overalls).contains("INADEQUATE", "REQUIRES_IMPROVEMENT", "GOOD", "OUTSTANDING", "PENDING_PANEL",
                "INCOMPLETE");
    }

    @Test
    void onlyARatingsFrameworkHasACorpus() {
        RuleSet oversight = ShippedRuleSets.of("yjb-oversight");

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
            .isThrownBy(() -> new CorpusGenerator(oversight, 1))
            .withMessageContaining("yjb-oversight is not a ratings framework");
    }

    private static void add(Set<String> seen, JsonNode request, String field, String what) {
        if (request.has(field)) {
            seen.add(what);
        }
    }

}
