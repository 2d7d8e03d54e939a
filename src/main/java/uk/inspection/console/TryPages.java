package uk.inspection.console;

import java.io.IOException;
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

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.decision.DecisionKind;
import uk.inspection.decision.DecisionKinds;
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
 * in-process exactly as the API would decide it ({@link InProcessApi}), by any kind of
 * decision the framework's rule set makes (a framework of kind oversight makes two),
 * shown as the decision in words and its trace (each result, the rule, the table row or
 * DRL line); a refusal as its reasons, each on its field.
 */
@Controller
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
class TryPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the page calls each kind of decision, by its record kind. */
    private static final Map<String, String> KIND_NAMES = Map.of("RATING", "a rating", "ASSESSMENT",
            "one service's quarter", "QUARTER", "a whole quarter", "FOLLOW_UP", "a follow-up");

    private final RuleSetRegistry registry;

    private final DecisionKinds kinds;

    private final Drafts drafts;

    private final DraftReviews reviews;

    private final InProcessApi api = new InProcessApi();

    private final ConsoleFormat format;

    TryPages(RuleSetRegistry registry, DecisionKinds kinds, Drafts drafts, DraftReviews reviews, ConsoleFormat format) {
        this.registry = registry;
        this.kinds = kinds;
        this.drafts = drafts;
        this.reviews = reviews;
        this.format = format;
    }

    /**
     * One line of a rating: what is rated (its code and name) and the rating in words.
     */
    record Outcome(String result, String name, String value) {
    }

    /** A kind of decision the framework makes, as the page offers it. */
    record Offered(String code, String name) {
    }

    /** A reason the API would refuse the request: the field and what is wrong with it. */
    record Refusal(String field, String message) {
    }

    @GetMapping("/console/frameworks/{framework}/try")
    String form(@PathVariable String framework, @RequestParam(required = false) String draft,
            @RequestParam(required = false) String kind, Model model) throws IOException {
        known(framework);
        DecisionKind<?, ?> chosen = kind(framework, kind);
        model.addAttribute("request", TryExamples.of(framework, chosen));
        return page(framework, draft, chosen, model);
    }

    /**
     * Decides with a draft's rule set, or with the published version in force now or at
     * the "As of" date, picked as the API picks it for {@code Ruleset-As-Of}; a date it
     * cannot use is shown on its field.
     */
    @PostMapping("/console/frameworks/{framework}/try")
    String decide(@PathVariable String framework, @RequestParam(required = false) String draft,
            @RequestParam(required = false) String kind, @RequestParam(defaultValue = "") String request,
            @RequestParam(required = false) String asOfDay, @RequestParam(required = false) String asOfMonth,
            @RequestParam(required = false) String asOfYear, Model model) throws IOException {
        known(framework);
        DecisionKind<?, ?> chosen = kind(framework, kind);
        model.addAttribute("request", request);
        DateInput asOf = new DateInput(asOfDay, asOfMonth, asOfYear);
        model.addAttribute("asOf", asOf);
        boolean withDraft = draft != null && !draft.isBlank();
        if (withDraft && !asOf.isBlank()) {
            return asOfError(
                    "A draft has no date it is in force from: choose the published versions to decide as of a date",
                    framework, draft, chosen, model);
        }
        if (asOf.isPartial()) {
            return asOfError("The date must include a day, a month and a year", framework, draft, chosen, model);
        }
        RuleSet ruleSet;
        if (withDraft) {
            ruleSet = drafts.find(draft)
                .filter(d -> d.framework().equals(framework))
                .flatMap(reviews::ruleSet)
                .orElse(null);
        }
        else {
            Decision<RuleSet> inForce = inForce(framework, chosen, asOf);
            if (inForce instanceof Decision.Refused<RuleSet> refused) {
                Optional<FieldProblem> onAsOf = refused.failure()
                    .errors()
                    .stream()
                    .filter(e -> e.field().equals(VersionWanted.AS_OF_HEADER))
                    .findFirst();
                if (onAsOf.isPresent()) {
                    return asOfError(refused.failure().type().status().value() == 400 ? "The date must be a real date"
                            : format.forPeople(onAsOf.get().message()), framework, draft, chosen, model);
                }
            }
            ruleSet = inForce instanceof Decision.Decided<RuleSet> decided ? decided.value() : null;
        }
        if (ruleSet == null) {
            model.addAttribute("error",
                    "There is no rule set to decide with: the framework, or the draft, does not build.");
            return page(framework, draft, chosen, model);
        }
        JsonNode body;
        try {
            body = request.isBlank() ? null : JSON.readTree(request);
        }
        catch (JsonProcessingException e) {
            model.addAttribute("jsonError", notJson(e.getLocation()));
            return page(framework, draft, chosen, model);
        }
        if (body == null) {
            model.addAttribute("jsonError", "Enter the request as JSON");
            return page(framework, draft, chosen, model);
        }
        InProcessApi.Answer answer = api.answer(ruleSet, chosen, body);
        model.addAttribute("status", answer.status());
        model.addAttribute("answer", answer.body());
        model.addAttribute("ratedWith", ruleSet.version());
        model.addAttribute("inForceFrom", ruleSet.effectiveFrom());
        model.addAttribute("outcomes", outcomes(answer.body(), ruleSet.manifest()));
        model.addAttribute("refusals", refusals(answer));
        model.addAttribute("trace", answer.body().path("trace"));
        model.addAttribute("answerText", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer.body()));
        return page(framework, draft, chosen, model);
    }

    private String page(String framework, String draft, DecisionKind<?, ?> kind, Model model) throws IOException {
        model.addAttribute("id", framework);
        model.addAttribute("kind", new Offered(kind.recordKind(), KIND_NAMES.get(kind.recordKind())));
        model.addAttribute("kinds",
                offered(framework).stream()
                    .map(k -> new Offered(k.recordKind(), KIND_NAMES.get(k.recordKind())))
                    .toList());
        model.addAttribute("draft", draft);
        model.addAttribute("drafts", drafts.list(framework).stream().filter(Draft::isOpen).toList());
        model.addAttribute("served", registry.serving(framework).map(RuleSet::version).orElse(null));
        return "console/try";
    }

    /**
     * The published version in force at the start of the date (sent as the API's
     * {@code Ruleset-As-Of} is), or now for no date.
     */
    private Decision<RuleSet> inForce(String framework, DecisionKind<?, ?> kind, DateInput asOf) {
        String date = asOf.isBlank() ? null : asOf.year() + "-" + twoDigits(asOf.month()) + "-" + twoDigits(asOf.day());
        return registry.lookup(framework, kind.ruleSetKind(), new VersionWanted(null, date));
    }

    /**
     * The kinds of decision the framework's rule set makes, as its manifest says (a
     * framework that serves nothing is taken for ratings, the default).
     */
    private List<DecisionKind<?, ?>> offered(String framework) {
        Manifest.Kind kind = registry.serving(framework).map(r -> r.manifest().kind()).orElse(Manifest.Kind.RATINGS);
        return kinds.all().stream().filter(k -> k.ruleSetKind() == kind).toList();
    }

    /** The kind asked for by its record kind, or the framework's first. */
    private DecisionKind<?, ?> kind(String framework, String asked) {
        List<DecisionKind<?, ?>> offered = offered(framework);
        return offered.stream().filter(k -> k.recordKind().equals(asked)).findFirst().orElse(offered.get(0));
    }

    /**
     * Where the parser stopped, in the words of an editor's status bar rather than the
     * parser's.
     */
    private static String notJson(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return "The JSON is not valid";
        }
        return "The JSON is not valid at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /**
     * The reasons a refusal gives, each field with its message; a refusal without fields
     * as its detail alone.
     */
    private List<Refusal> refusals(InProcessApi.Answer answer) {
        if (answer.status() < 400) {
            return List.of();
        }
        List<Refusal> refusals = new ArrayList<>();
        answer.body()
            .path("errors")
            .forEach(e -> refusals.add(new Refusal(e.path("field").asText(""), e.path("message").asText(""))));
        if (refusals.isEmpty()) {
            refusals.add(new Refusal("", format.forPeople(answer.body().path("detail").asText(""))));
        }
        return refusals;
    }

    private static String twoDigits(String part) {
        return part.length() == 1 ? "0" + part : part;
    }

    private String asOfError(String message, String framework, String draft, DecisionKind<?, ?> kind, Model model)
            throws IOException {
        model.addAttribute("asOfError", message);
        return page(framework, draft, kind, model);
    }

    /**
     * The ratings of a rating's answer, in the words of the framework's rating scale:
     * overall, each standard with its name, each key question.
     */
    private List<Outcome> outcomes(JsonNode answer, Manifest manifest) {
        List<Outcome> outcomes = new ArrayList<>();
        if (answer.has("overall")) {
            outcomes.add(new Outcome("Overall", "", text(answer.get("overall"), manifest)));
        }
        for (String group : List.of("standards", "keyQuestions")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = answer.path(group).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                outcomes.add(new Outcome(entry.getKey(), entry.getValue().path("name").asText(""),
                        text(entry.getValue(), manifest)));
            }
        }
        return outcomes;
    }

    /**
     * A rating as its label ("Requires improvement"), with its status in words when it is
     * not simply rated, and the choices a panel has when it has them.
     */
    private String text(JsonNode outcome, Manifest manifest) {
        String rating = label(outcome.path("rating").asText(""), manifest);
        String status = outcome.path("status").asText("");
        List<String> choices = new ArrayList<>();
        outcome.path("options").forEach(o -> {
            if (o.isTextual()) {
                choices.add(label(o.asText(), manifest));
            }
        });
        String options = String.join(" or ", choices);
        String said = status.isEmpty() || status.equals("RATED") || status.equals("FINAL") ? ""
                : format.words(status) + (options.isEmpty() ? "" : ": " + options);
        if (rating.isEmpty()) {
            return said;
        }
        return said.isEmpty() ? rating : rating + " (" + said + ")";
    }

    private String label(String code, Manifest manifest) {
        return manifest.ratingScale()
            .stream()
            .filter(step -> step.code().equals(code))
            .map(Manifest.ScaleStep::label)
            .findFirst()
            .orElse(format.words(code));
    }

    private void known(String framework) {
        if (!registry.knows(framework)) {
            throw new ConsoleNotFound("There is no framework called " + framework + ".");
        }
    }

}
