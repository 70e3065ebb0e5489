package io.wirebench.schemas.service;

import io.wirebench.schemas.model.OrderedMaps;
import java.util.Map;

/**
 * The analytics aggregates as of one moment: totals over every applied batch, the number of (key,
 * window) cells, and the event count and value sum of each key the query selected. Taken atomically:
 * it never shows part of a batch.
 */
public record AggregateSnapshot(long batches, long events, long valueSum, int windows,
                                Map<String, Long> eventsByKey, Map<String, Long> valueByKey) {

    public AggregateSnapshot {
        eventsByKey = OrderedMaps.copyOf(eventsByKey == null ? Map.of() : eventsByKey);
        valueByKey = OrderedMaps.copyOf(valueByKey == null ? Map.of() : valueByKey);
    }
}
