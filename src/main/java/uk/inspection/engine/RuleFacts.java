package uk.inspection.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a package of fact classes (on its {@code package-info}): the classes rule files
 * may match, create and call methods of. Anything else a rule file names is refused
 * before it is compiled, except plain strings, numbers and collections.
 */
@Target(ElementType.PACKAGE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RuleFacts {

}
