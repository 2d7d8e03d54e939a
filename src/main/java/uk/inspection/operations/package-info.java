/**
 * Running the service as a service: readiness from the rule sets, the served versions in
 * {@code /actuator/info}, and the decision metrics Prometheus scrapes.
 */
package uk.inspection.operations;
