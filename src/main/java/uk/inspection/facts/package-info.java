/**
 * The fact shapes every kind of rule set shares: flags and triggers the rules raise,
 * rejections of facts they cannot accept, and named parameters a decision table sets. DRL
 * files and decision tables import this package beside their own framework's facts.
 */
@RuleFacts
package uk.inspection.facts;

import uk.inspection.engine.RuleFacts;
