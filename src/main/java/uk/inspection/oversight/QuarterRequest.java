package uk.inspection.oversight;

import java.util.List;

/** Every service's quarter at once; each service's metrics carry raw values. */
public record QuarterRequest(String quarter, List<OversightRequest> services) {

    public QuarterRequest {
        services = services == null ? List.of() : services.stream().toList();
    }
}
