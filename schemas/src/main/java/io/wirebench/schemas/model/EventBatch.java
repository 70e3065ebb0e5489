package io.wirebench.schemas.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Events sent together in one message (1, 100 or 1,000 in the suite's scenarios). */
public record EventBatch(
        @NotNull @Pattern(regexp = Rules.BATCH_ID) String batchId,
        @NotBlank @Size(max = 64) String source,
        @NotNull @Size(min = 1, max = Rules.MAX_EVENTS_PER_BATCH) List<@NotNull @Valid AnalyticsEvent> events) {

    public EventBatch {
        events = events == null ? null : List.copyOf(events);
    }
}
