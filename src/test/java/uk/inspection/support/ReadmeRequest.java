package uk.inspection.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The request of the README's first curl, as ReadmeExampleTest reads it. */
public final class ReadmeRequest {

    private static final Pattern REQUEST = Pattern
        .compile("ratings \\\\\\n  -H 'Content-Type: application/json' -d '(\\{.*?\\})'", Pattern.DOTALL);

    private ReadmeRequest() {
    }

    public static String json() throws IOException {
        Matcher request = REQUEST.matcher(Files.readString(Path.of("README.md")));
        if (!request.find()) {
            throw new IllegalStateException("no rating request in README.md");
        }
        return request.group(1);
    }

}
