package uk.inspection.people;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Someone who takes a step, as the store records it: the name shown, and the identity
 * people are compared by (four eyes are two identities, not two spellings). The web layer
 * makes the person signed in (a bearer token's person is its {@code sub}); a configured
 * user's is the name after Unicode normalisation (NFKC) and case folding, so
 * {@code Erin.Smith}, {@code erin.smith} and {@code ｅｒｉｎ.ｓｍｉｔｈ} are one person.
 */
public record Person(String name, String id) {

    /**
     * A configured user by name; also the person of a step recorded before identities
     * were.
     */
    public static Person named(String name) {
        String compatible = Normalizer.normalize(name.strip(), Normalizer.Form.NFKC);
        // Java has no full case folding; upper then lower case folds as it does where a
        // lower case alone would not (ß and SS, ς and σ).
        String folded = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return new Person(name, "user:" + Normalizer.normalize(folded, Normalizer.Form.NFKC));
    }

}
