package uk.inspection.oversight.facts;

/** Whether an escalation trigger holds for a priority service: YES or NO. */
public record EscalationCheck(String triggered) {
}
