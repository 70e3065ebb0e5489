package io.wirebench.schemas.service;

import java.util.List;

/** The order service's verdict: no violations means valid. */
public record ValidationReport(String orderId, List<String> violations) {

    public ValidationReport {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}
