/**
 * The fact shapes the oversight rule set ({@code rules/yjb-oversight/}) reasons over.
 * Generic facts shared with the ratings rule sets (parameters, triggers, flags,
 * rejections) come from {@code uk.inspection.facts}. Nothing here knows a quadrant
 * criterion or a threshold.
 */
@RuleFacts
package uk.inspection.oversight.facts;

import uk.inspection.engine.RuleFacts;
