package io.wirebench.e2e.analytics;

import io.wirebench.schemas.model.AnalyticsEvent;
import io.wirebench.schemas.model.EventBatch;
import io.wirebench.schemas.service.AggregateSnapshot;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Event counts and value sums per key and per (key, time window). A batch is applied whole under the
 * write lock and a snapshot is taken under the read lock, so a reader sees every batch or none of it:
 * the totals always equal the sums over keys, and always a sum of whole batches. Readers run in
 * parallel with each other; writers exclude everyone for the time it takes to add one batch.
 */
public final class Aggregator {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final long windowMillis;
    private final Map<String, long[]> byKey = new HashMap<>();
    private final Map<WindowKey, long[]> byWindow = new HashMap<>();
    private long batches;
    private long events;
    private long valueSum;

    private record WindowKey(String key, long window) {
    }

    public Aggregator(Duration window) {
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms, was " + window);
        }
        this.windowMillis = window.toMillis();
    }

    public void apply(EventBatch batch) {
        lock.writeLock().lock();
        try {
            for (AnalyticsEvent event : batch.events()) {
                long[] key = byKey.computeIfAbsent(event.key(), k -> new long[2]);
                key[0]++;
                key[1] += event.value();
                long window = Math.floorDiv(event.timestamp().toEpochMilli(), windowMillis);
                long[] cell = byWindow.computeIfAbsent(new WindowKey(event.key(), window), k -> new long[2]);
                cell[0]++;
                cell[1] += event.value();
                valueSum += event.value();
            }
            events += batch.events().size();
            batches++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forgets everything (between benchmark iterations, so the window map does not grow without bound). */
    public void clear() {
        lock.writeLock().lock();
        try {
            byKey.clear();
            byWindow.clear();
            batches = 0;
            events = 0;
            valueSum = 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The totals and the keys starting with {@code keyPrefix}, in key order, as of one moment. */
    public AggregateSnapshot snapshot(String keyPrefix) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Long> values = new TreeMap<>();
        lock.readLock().lock();
        try {
            for (Map.Entry<String, long[]> entry : byKey.entrySet()) {
                if (entry.getKey().startsWith(keyPrefix)) {
                    counts.put(entry.getKey(), entry.getValue()[0]);
                    values.put(entry.getKey(), entry.getValue()[1]);
                }
            }
            return new AggregateSnapshot(batches, events, valueSum, byWindow.size(), counts, values);
        } finally {
            lock.readLock().unlock();
        }
    }
}
