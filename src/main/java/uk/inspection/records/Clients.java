package uk.inspection.records;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who asked for a decision: the API key's name (set by the key filter), the signed-in
 * user, or anonymous.
 */
public final class Clients {

    /** The request attribute holding the name of the API key a request came with. */
    public static final String API_KEY_NAME = "inspection-ratings.api-key-name";

    public static final String ANONYMOUS = "anonymous";

    private Clients() {
    }

    public static String of(HttpServletRequest request) {
        Object key = request.getAttribute(API_KEY_NAME);
        if (key instanceof String name) {
            return "key:" + name;
        }
        Principal user = request.getUserPrincipal();
        return user == null ? ANONYMOUS : "user:" + user.getName();
    }

}
