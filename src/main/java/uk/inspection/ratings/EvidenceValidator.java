package uk.inspection.ratings;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.inspection.ratings.RatingRequest.CaseInput;
import uk.inspection.ratings.RatingRequest.KeyQuestionInput;
import uk.inspection.ruleset.Manifest.KeyQuestion;
import uk.inspection.problem.FieldProblem;

/**
 * The evidence part of a rating request: consolidated key questions, per-case answers and
 * yes/no judgements, each checked against the key questions this inspection rates.
 */
final class EvidenceValidator {

    private final InspectionScope scope;

    private final List<FieldProblem> problems;

    EvidenceValidator(InspectionScope scope, List<FieldProblem> problems) {
        this.scope = scope;
        this.problems = problems;
    }

    void checkKeyQuestions(Map<String, KeyQuestionInput> keyQuestions) {
        keyQuestions.forEach((code, input) -> {
            String field = "keyQuestions." + code;
            if (!caseQuestionInScope(field, code)) {
                return;
            }
            if (input == null) {
                problem(field, "give yes and cases, or percentage");
                return;
            }
            boolean counts = input.yes() != null || input.cases() != null;
            boolean percentage = input.percentage() != null;
            if (counts && percentage) {
                problem(field, "give yes and cases, or percentage, not both");
            }
            else if (!counts && !percentage) {
                problem(field, "give yes and cases, or percentage");
            }
            else if (counts) {
                checkCounts(field, input.yes(), input.cases());
            }
            else if (!(input.percentage() >= 0 && input.percentage() <= 100)) {
                problem(field + ".percentage", "must be between 0 and 100, not " + input.percentage());
            }
        });
    }

    private void checkCounts(String field, Integer yes, Integer cases) {
        if (yes == null) {
            problem(field + ".yes", "is required with cases");
        }
        else if (yes < 0) {
            problem(field + ".yes", "must not be negative, not " + yes);
        }
        if (cases == null) {
            problem(field + ".cases", "is required with yes");
        }
        else if (cases < 0) {
            problem(field + ".cases", "must not be negative, not " + cases);
        }
        if (yes != null && cases != null && yes >= 0 && cases >= 0 && yes > cases) {
            problem(field + ".yes", "yes (" + yes + ") exceeds cases (" + cases + ")");
        }
    }

    void checkCases(List<CaseInput> cases, Map<String, KeyQuestionInput> keyQuestions) {
        Set<String> ids = new HashSet<>();
        Set<String> reportedTwice = new HashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            String field = "cases[" + i + "]";
            CaseInput inspected = cases.get(i);
            if (inspected == null) {
                problem(field, "must be an object with id and answers");
                continue;
            }
            if (inspected.id() != null && !ids.add(inspected.id())) {
                problem(field + ".id", "case '" + inspected.id() + "' is listed more than once");
            }
            if (inspected.answers().isEmpty()) {
                problem(field + ".answers", "is required: the case's yes/no answers by key question");
            }
            inspected.answers().forEach((code, answer) -> {
                String answerField = field + ".answers." + code;
                if (!caseQuestionInScope(answerField, code)) {
                    return;
                }
                if (answer == null) {
                    problem(answerField, "must be true or false");
                }
                if (keyQuestions.containsKey(code) && reportedTwice.add(code)) {
                    problem(answerField,
                            code + " is already given in keyQuestions; give a key question one way, not both");
                }
            });
        }
    }

    /**
     * True when the code is a case-answered key question this inspection rates; otherwise
     * reports why not.
     */
    private boolean caseQuestionInScope(String field, String code) {
        KeyQuestion question = scope.keyQuestion(code).orElse(null);
        if (question == null) {
            problem(field, scope.notInScope(code, "key question"));
            return false;
        }
        if (question.isJudgement()) {
            problem(field, code + " is a yes/no judgement: give it in judgements");
            return false;
        }
        return true;
    }

    void checkJudgements(Map<String, Boolean> judgements) {
        judgements.forEach((code, answer) -> {
            String field = "judgements." + code;
            KeyQuestion question = scope.keyQuestion(code).orElse(null);
            if (question == null) {
                problem(field, scope.notInScope(code, "judgement"));
            }
            else if (!question.isJudgement()) {
                problem(field, code + " is answered from cases: give it in keyQuestions or cases");
            }
            else if (answer == null) {
                problem(field, "must be true or false");
            }
        });
    }

    private void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

}
