package io.wirebench.e2e.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.model.AnalyticsEvent;
import io.wirebench.schemas.model.EventBatch;
import io.wirebench.schemas.service.AggregateSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AggregatorTest {

    @Test
    void countsAndSumsPerKeyAndWindow() {
        PayloadGenerator generator = new PayloadGenerator(5);
        Aggregator aggregator = new Aggregator(Duration.ofMinutes(1));
        EventBatch batch = generator.eventBatch(500);
        aggregator.apply(batch);
        Map<String, Long> counts = new HashMap<>();
        Map<String, Long> values = new HashMap<>();
        for (AnalyticsEvent e : batch.events()) {
            counts.merge(e.key(), 1L, Long::sum);
            values.merge(e.key(), e.value(), Long::sum);
        }
        AggregateSnapshot s = aggregator.snapshot("");
        assertEquals(counts, s.eventsByKey());
        assertEquals(values, s.valueByKey());
        assertEquals(1, s.batches());
        long windows = batch.events().stream().map(e -> e.key() + "@" + e.timestamp().toEpochMilli() / 60_000).distinct().count();
        assertEquals(windows, s.windows());
    }

    @Test
    void readersNeverSeePartOfABatch() throws Exception {
        PayloadGenerator generator = new PayloadGenerator(6);
        List<EventBatch> batches = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batches.add(generator.eventBatch(250));
        }
        Aggregator aggregator = new Aggregator(Duration.ofSeconds(10));
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Thread reader = new Thread(() -> {
                while (writing.get()) {
                    AggregateSnapshot s = aggregator.snapshot("");
                    long byKey = s.eventsByKey().values().stream().mapToLong(Long::longValue).sum();
                    if (byKey != s.events() || s.events() != s.batches() * 250) {
                        problems.add(s.batches() + " batches, " + s.events() + " events, " + byKey + " by key");
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        Thread w1 = new Thread(() -> batches.subList(0, 100).forEach(aggregator::apply));
        Thread w2 = new Thread(() -> batches.subList(100, 200).forEach(aggregator::apply));
        w1.start();
        w2.start();
        w1.join(30_000);
        w2.join(30_000);
        writing.set(false);
        for (Thread reader : readers) {
            reader.join(30_000);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(200 * 250, aggregator.snapshot("").events());
    }
}
