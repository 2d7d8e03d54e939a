package uk.inspection.ratings.facts;

/**
 * A yes/no judgement the framework asks for (V1.2 in 2024); {@code answer} is {@code YES}
 * or {@code NO}.
 */
public record Judgement(String code, String answer) {
}
