/**
 * The fact shapes the probation follow-up rule set ({@code rules/probation-follow-up/})
 * reasons over: the report and its recommendations, the rows of its tables (report kinds,
 * authorities, periods, how recommendations are targeted), and what the rules decide.
 * Generic facts (flags, rejections) come from {@code uk.inspection.facts}. Nothing here
 * knows a report kind, an authority or a period.
 */
@RuleFacts
package uk.inspection.followup.facts;

import uk.inspection.engine.RuleFacts;
