/**
 * The fact shapes that the ratings rule sets reason over. DRL files and decision tables
 * import this package; the Java side only inserts the input facts and reads back the
 * outputs ({@link uk.inspection.engine.RuleOutput}). Nothing here knows a band, a
 * threshold or a standard: those live in {@code rules/} and {@code decision-tables/}.
 */
@RuleFacts
package uk.inspection.ratings.facts;

import uk.inspection.engine.RuleFacts;
