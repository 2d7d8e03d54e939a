package uk.inspection.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.problem.Decision;
import uk.inspection.problem.FieldProblem;
import uk.inspection.regression.InProcessApi;
import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSet;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.ruleset.VersionWanted;
import uk.inspection.drafts.Draft;
import uk.inspection.drafts.DraftReviews;
import uk.inspection.drafts.Drafts;

/**
 * Try a request against the served rule set or a draft's, before publishing: decided
 * in-process exactly as the API would decide it ({@link InProcessApi}), shown as the
 * decision and its trace (each result, the rule, the table row or DRL line).
 */
@Controller
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
class TryPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuleSetRegistry registry;

    private final Drafts drafts;

    private final DraftReviews reviews;

    private final InProcessApi api = new InProcessApi();

    private final ConsoleFormat format;

    TryPages(RuleSetRegistry registry, Drafts drafts, DraftReviews reviews, ConsoleFormat format) {
        this.registry = registry;
        this.drafts = drafts;
        this.reviews = reviews;
        this.format = format;
    }

    /** One line of the answer: a result and its value. */
    record Outcome(String result, String value) {
    }

    @GetMapping("/console/frameworks/{framework}/try")
    String form(@PathVariable String framework, @RequestParam(required = false) String draft, Model model)
            throws IOException {
        known(framework);
        model.addAttribute("request", example(framework));
        return page(framework, draft, model);
    }

    /**
     * Rates with a draft's rule set, or with the published version in force now or at the
     * "As of" date, picked as the API picks it for {@code Ruleset-As-Of}; a date it
     * cannot use is shown on its field.
     */
    @PostMapping("/console/frameworks/{framework}/try")
    String rate(@PathVariable String framework, @RequestParam(required = false) String draft,
            @RequestParam(defaultValue = "") String request, @RequestParam(required = false) String asOfDay,
            @RequestParam(required = false) String asOfMonth, @RequestParam(required = false) String asOfYear,
            Model model) throws IOException {
        known(framework);
        model.addAttribute("request", request);
        DateInput asOf = new DateInput(asOfDay, asOfMonth, asOfYear);
        model.addAttribute("asOf", asOf);
        boolean withDraft = draft != null && !draft.isBlank();
        if (withDraft && !asOf.isBlank()) {
            return asOfError(
                    "A draft has no date it is in force from: choose the published versions to rate as of a" + " date",
                    framework, draft, model);
        }
        if (asOf.isPartial()) {
            return asOfError("The date must include a day, a month and a year", framework, draft, model);
        }
        RuleSet ruleSet;
        if (withDraft) {
            ruleSet = drafts.find(draft)
                .filter(d -> d.framework().equals(framework))
                .flatMap(reviews::ruleSet)
                .orElse(null);
        }
        else {
            Decision<RuleSet> inForce = inForce(framework, asOf);
            if (inForce instanceof Decision.Refused<RuleSet> refused) {
                Optional<FieldProblem> onAsOf = refused.failure()
                    .errors()
                    .stream()
                    .filter(e -> e.field().equals(VersionWanted.AS_OF_HEADER))
                    .findFirst();
                if (onAsOf.isPresent()) {
                    return asOfError(refused.failure().type().status().value() == 400 ? "The date must be a real date"
                            : format.forPeople(onAsOf.get().message()), framework, draft, model);
                }
            }
            ruleSet = inForce instanceof Decision.Decided<RuleSet> decided ? decided.value() : null;
        }
        if (ruleSet == null) {
            model.addAttribute("error",
                    "There is no rule set to rate with: the framework, or the draft, does not build.");
            return page(framework, draft, model);
        }
        JsonNode body;
        try {
            body = JSON.readTree(request);
        }
        catch (JsonProcessingException e) {
            model.addAttribute("error", "The request is not JSON: " + e.getOriginalMessage());
            return page(framework, draft, model);
        }
        InProcessApi.Answer answer = api.answer(ruleSet, body);
        model.addAttribute("status", answer.status());
        model.addAttribute("answer", answer.body());
        model.addAttribute("ratedWith", ruleSet.version());
        model.addAttribute("inForceFrom", ruleSet.effectiveFrom());
        model.addAttribute("outcomes", outcomes(answer.body()));
        model.addAttribute("trace", answer.body().path("trace"));
        model.addAttribute("answerText", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer.body()));
        return page(framework, draft, model);
    }

    private String page(String framework, String draft, Model model) throws IOException {
        model.addAttribute("id", framework);
        model.addAttribute("draft", draft);
        model.addAttribute("drafts", drafts.list(framework).stream().filter(Draft::isOpen).toList());
        model.addAttribute("served", registry.serving(framework).map(RuleSet::version).orElse(null));
        return "console/try";
    }

    /**
     * The published version in force at the start of the date (sent as the API's
     * {@code Ruleset-As-Of} is), or now for no date.
     */
    private Decision<RuleSet> inForce(String framework, DateInput asOf) {
        Manifest.Kind kind = registry.serving(framework).map(r -> r.manifest().kind()).orElse(Manifest.Kind.RATINGS);
        String date = asOf.isBlank() ? null : asOf.year() + "-" + twoDigits(asOf.month()) + "-" + twoDigits(asOf.day());
        return registry.lookup(framework, kind, new VersionWanted(null, date));
    }

    private static String twoDigits(String part) {
        return part.length() == 1 ? "0" + part : part;
    }

    private String asOfError(String message, String framework, String draft, Model model) throws IOException {
        model.addAttribute("asOfError", message);
        return page(framework, draft, model);
    }

    /** The ratings of the answer: overall, each standard, each key question. */
    private static List<Outcome> outcomes(JsonNode answer) {
        List<Outcome> outcomes = new ArrayList<>();
        if (answer.has("overall")) {
            outcomes.add(new Outcome("Overall", text(answer.get("overall"))));
        }
        for (String group : List.of("standards", "keyQuestions")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = answer.path(group).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                outcomes.add(new Outcome(entry.getKey(), text(entry.getValue())));
            }
        }
        return outcomes;
    }

    private static String text(JsonNode outcome) {
        String rating = outcome.path("rating").asText("");
        String status = outcome.path("status").asText("");
        return rating.isEmpty() ? status : rating + (status.isEmpty() ? "" : " (" + status + ")");
    }

    private void known(String framework) {
        if (!registry.knows(framework)) {
            throw new ConsoleNotFound("There is no framework called " + framework + ".");
        }
    }

    /** The README's example request for the framework, if the console ships one. */
    private static String example(String framework) throws IOException {
        try (InputStream in = TryPages.class.getResourceAsStream("/console/examples/" + framework + ".json")) {
            return in == null ? "{\n}\n" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
