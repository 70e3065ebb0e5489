package io.wirebench.schemas.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/** One real-time analytics event; aggregated per {@code key} and time window. */
public record AnalyticsEvent(
        @NotNull @Pattern(regexp = Rules.EVENT_ID) String id,
        @NotNull EventType type,
        @NotBlank @Size(max = 64) String key,
        @NotNull @Pattern(regexp = Rules.CUSTOMER_ID) String userId,
        @NotBlank @Size(max = 64) String sessionId,
        @NotNull Instant timestamp,
        @PositiveOrZero long value,
        @NotNull @Size(max = 16) Map<@NotBlank @Size(max = 40) String, @NotNull @Size(max = 100) String> attributes) {

    public AnalyticsEvent {
        attributes = OrderedMaps.copyOf(attributes);
    }
}
