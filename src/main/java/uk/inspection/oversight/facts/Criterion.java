package uk.inspection.oversight.facts;

/**
 * A quadrant criterion that holds for the service ({@code quadrant} 1, 3 or 4), or, with
 * {@code met} false, a quadrant 1 criterion that does not. Reasons are drawn from these.
 */
public record Criterion(String code, int quadrant, boolean met, String message) {

    public static Criterion holds(String code, int quadrant, String message) {
        return new Criterion(code, quadrant, true, message);
    }

    public static Criterion unmet(String code, String message) {
        return new Criterion(code, 1, false, message);
    }
}
