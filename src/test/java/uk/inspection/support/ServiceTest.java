package uk.inspection.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The service as shipped, on a random port, over the project's rules in a store of its
 * own: every test class so annotated shares one service, since Spring keeps a started
 * context for the next class with exactly the same configuration. A class that needs
 * other settings, or changes what the service serves, starts its own
 * ({@link RunningService}) rather than adding to this one; a class that only reads what
 * users and keys may do uses {@link SecuredServiceTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface ServiceTest {

}
