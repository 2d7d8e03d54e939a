package uk.inspection.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The service with users and an API key, shared (as {@link ServiceTest}'s is) by every
 * test class that asks what they may and may not do: an editor {@code erin} (password
 * {@code e}), an approver {@code alex} ({@code a}), the methodology user {@code meth}
 * ({@code s3cret}), the API key {@link #KEY}, and a body read timeout short enough to
 * wait out. Such a class may add a draft, but nothing another class here reads.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "access.users[0].username=erin", "access.users[0].password={noop}e",
                "access.users[0].roles=methodology-editor", "access.users[1].username=alex",
                "access.users[1].password={noop}a", "access.users[1].roles=methodology-approver",
                "access.methodology.username=meth", "access.methodology.password={noop}s3cret",
                "access.api-key=" + SecuredServiceTest.KEY, "http.body-read-timeout=2s" })
public @interface SecuredServiceTest {

    /** The API key a client sends in {@code X-Api-Key}. */
    String KEY = "k-123";

}
