package uk.inspection.web;

import java.security.Principal;
import java.text.Normalizer;
import java.util.Locale;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Someone who takes a step, as the store records it: the name shown, and the identity
 * people are compared by (four eyes are two identities, not two spellings). A bearer
 * token's person is its {@code sub}, whatever name the token gives; a configured user's
 * is the name after Unicode normalisation (NFKC) and case folding, so {@code Erin.Smith},
 * {@code erin.smith} and {@code ｅｒｉｎ.ｓｍｉｔｈ} are one person.
 */
public record Person(String name, String id) {

    /** The person signed in. */
    public static Person of(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            return new Person(token.getName(), "oidc:" + token.getToken().getSubject());
        }
        return named(principal.getName());
    }

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
