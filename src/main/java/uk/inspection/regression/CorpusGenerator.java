package uk.inspection.regression;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.inspection.ruleset.Manifest;
import uk.inspection.ruleset.RuleSet;

/**
 * Rating requests generated from a framework's manifest, for {@code compare} at scale:
 * inputs spread over the whole input space, never outcomes. The inspection types,
 * standards, key questions, rating scale and vocabularies all come from the manifest;
 * shares are drawn over the whole 0 to 100 of the request contract, every whole
 * percentage and a hundredth either side of it included, so that any band edge a table
 * draws at a whole percentage is met exactly and from both sides without this class
 * knowing where the edges are.
 *
 * <p>
 * A standard the ratings panel chooses within a range ({@code panelChoice}) is given a
 * choice only among the options the rules offer for that request (the request is decided
 * once without one): the generator holds no matrix, and every request it writes is one
 * the rules accept. Request {@code i} of a seed is the same whatever the count, so a
 * small corpus is the start of a large one.
 */
public final class CorpusGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Fieldwork ends in these years (any date the request contract accepts would do). */
    private static final LocalDate FIELDWORK_FROM = LocalDate.of(2024, 1, 1);

    private static final int FIELDWORK_DAYS = 3 * 365;

    private final RuleSet ruleSet;

    private final Manifest manifest;

    private final long seed;

    private final InProcessApi api = new InProcessApi();

    public CorpusGenerator(RuleSet ruleSet, long seed) {
        if (!ruleSet.manifest().isRatings()) {
            throw new IllegalArgumentException(ruleSet.id() + " is not a ratings framework: no corpus to generate");
        }
        this.ruleSet = ruleSet;
        this.manifest = ruleSet.manifest();
        this.seed = seed;
    }

    /** A generated request and how the rules answered it (200 unless they refuse it). */
    public record Generated(ObjectNode request, InProcessApi.Answer answer) {
    }

    /** Request {@code index} of this seed, with the rules' answer to it. */
    public Generated request(long index) {
        // Its own stream per request: request i does not depend on how many came before.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        ObjectNode request = NODES.objectNode();
        request.put("service", "Generated service %06d".formatted(index));
        String type = manifest.inspectionTypes().isEmpty() ? null
                : manifest.inspectionTypes().get(random.nextInt(manifest.inspectionTypes().size())).code();
        if (type != null) {
            request.put("inspectionType", type);
        }
        ObjectNode keyQuestions = NODES.objectNode();
        ArrayNode cases = NODES.arrayNode();
        ObjectNode judgements = NODES.objectNode();
        ObjectNode ratings = NODES.objectNode();
        List<Manifest.Standard> standards = manifest.standardsFor(type);
        // Now and then one standard's key questions come as case-by-case answers instead.
        Manifest.Standard byCase = random.nextInt(20) == 0 ? pickByCase(standards, random) : null;
        // Each inspection has its own level, its key questions scattered about it: shares
        // drawn independently would make nearly every overall the lowest rating, since a
        // standard goes by its weaker key question.
        double level = random.nextDouble() * 100;
        for (Manifest.Standard standard : standards) {
            if (standard.isJudgement()) {
                // A judged standard that is not required is sometimes left out.
                if (standard.required() || random.nextInt(10) > 0) {
                    ratings.put(standard.code(), rating(random));
                }
                continue;
            }
            if (standard == byCase) {
                cases.addAll(caseAnswers(standard, level, random));
            }
            for (Manifest.KeyQuestion keyQuestion : standard.keyQuestions()) {
                if (keyQuestion.isJudgement()) {
                    judgements.put(keyQuestion.code(), random.nextBoolean());
                }
                else if (standard != byCase) {
                    JsonNode input = keyQuestion(level, random);
                    if (input != null) {
                        keyQuestions.set(keyQuestion.code(), input);
                    }
                }
            }
        }
        putIfAny(request, "keyQuestions", keyQuestions);
        putIfAny(request, "cases", cases);
        putIfAny(request, "judgements", judgements);
        putIfAny(request, "ratings", ratings);
        context(request, random);
        InProcessApi.Answer answer = api.answer(ruleSet, request);
        ObjectNode panel = panelChoices(answer, random);
        if (!panel.isEmpty()) {
            request.set("panel", panel);
            answer = api.answer(ruleSet, request);
        }
        return new Generated(request, answer);
    }

    /**
     * A key question's consolidated result about the inspection's level: mostly counts,
     * sometimes a published percentage, now and then no cases or left out (not
     * applicable).
     */
    private static JsonNode keyQuestion(double level, SplittableRandom random) {
        int kind = random.nextInt(100);
        double share = share(level, random);
        if (kind < 3) {
            return null;
        }
        ObjectNode input = NODES.objectNode();
        if (kind < 6) {
            return input.put("yes", 0).put("cases", 0);
        }
        if (kind < 26) {
            return input.put("percentage", percentage(share, random));
        }
        // Small samples as inspections have them, and now and then a large one, whose
        // ratios come close to any edge.
        int cases = 1 + random.nextInt(kind < 90 ? 40 : 200);
        return input.put("yes", (int) Math.round(share / 100 * cases)).put("cases", cases);
    }

    /** A share within 25 points of the level, inside 0 to 100. */
    private static double share(double level, SplittableRandom random) {
        return Math.max(0, Math.min(100, level + random.nextDouble(-25, 25)));
    }

    /**
     * Half the time the nearest whole percentage or a hundredth either side of it,
     * otherwise the share to a hundredth.
     */
    private static double percentage(double share, SplittableRandom random) {
        if (random.nextBoolean()) {
            long whole = Math.round(share);
            int offset = random.nextInt(3) - 1;
            return Math.max(0, Math.min(10_000, whole * 100 + offset)) / 100.0;
        }
        return Math.round(share * 100) / 100.0;
    }

    private static Manifest.Standard pickByCase(List<Manifest.Standard> standards, SplittableRandom random) {
        List<Manifest.Standard> byCases = standards.stream()
            .filter(s -> !s.isJudgement() && s.keyQuestions().stream().noneMatch(Manifest.KeyQuestion::isJudgement))
            .toList();
        return byCases.isEmpty() ? null : byCases.get(random.nextInt(byCases.size()));
    }

    /**
     * One to twelve cases, each answering every key question of the standard, yes about
     * as often as the level says.
     */
    private static List<JsonNode> caseAnswers(Manifest.Standard standard, double level, SplittableRandom random) {
        List<JsonNode> cases = new ArrayList<>();
        int count = 1 + random.nextInt(12);
        for (int c = 1; c <= count; c++) {
            ObjectNode answers = NODES.objectNode();
            standard.keyQuestions().forEach(k -> answers.put(k.code(), random.nextDouble() * 100 < level));
            ObjectNode one = NODES.objectNode().put("id", standard.code() + "-C" + c);
            one.set("answers", answers);
            cases.add(one);
        }
        return cases;
    }

    /**
     * The optional context the manifest accepts: a region and a nation from its
     * vocabularies, a fieldwork end, and alerts (only with a region, which the rules need
     * to know whom to tell).
     */
    private void context(ObjectNode request, SplittableRandom random) {
        boolean region = pickFrom("region", request, random);
        pickFrom("nation", request, random);
        LocalDate fieldworkEnd = FIELDWORK_FROM.plusDays(random.nextInt(FIELDWORK_DAYS));
        if (manifest.acceptsField("fieldworkEnd") && random.nextInt(10) < 3) {
            request.put("fieldworkEnd", fieldworkEnd.toString());
        }
        if (region && manifest.acceptsField("organisationalAlerts") && random.nextInt(7) == 0) {
            ArrayNode alerts = request.putArray("organisationalAlerts");
            for (int a = 1 + random.nextInt(2); a > 0; a--) {
                alerts.addObject()
                    .put("raisedOn", fieldworkEnd.minusDays(random.nextInt(30)).toString())
                    .put("summary", "generated alert " + a);
            }
        }
    }

    private boolean pickFrom(String field, ObjectNode request, SplittableRandom random) {
        List<String> codes = manifest.vocabulary(field).orElse(List.of());
        if (!manifest.acceptsField(field) || codes.isEmpty() || random.nextBoolean()) {
            return false;
        }
        request.put(field, codes.get(random.nextInt(codes.size())));
        return true;
    }

    /**
     * For three in four standards awaiting the panel's choice within a range, one of the
     * ratings the rules permit; the rest are left to await the panel.
     */
    private ObjectNode panelChoices(InProcessApi.Answer answer, SplittableRandom random) {
        ObjectNode panel = NODES.objectNode();
        if (answer.status() != 200) {
            return panel;
        }
        for (Manifest.Standard standard : manifest.standards()) {
            JsonNode options = answer.body().path("standards").path(standard.code()).path("options");
            if (standard.panelChoice() && options.isArray() && !options.isEmpty() && random.nextInt(4) > 0) {
                panel.putObject(standard.code()).put("rating", options.get(random.nextInt(options.size())).asText());
            }
        }
        return panel;
    }

    private String rating(SplittableRandom random) {
        return manifest.ratingScale().get(random.nextInt(manifest.ratingScale().size())).code();
    }

    private static void putIfAny(ObjectNode request, String field, JsonNode value) {
        if (!value.isEmpty()) {
            request.set(field, value);
        }
    }

}
