package io.wirebench.serialization;

import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.model.EventBatch;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Param;

/**
 * Codec × analytics batch size (1, 100, 1,000 events per message): many small flat records, the
 * opposite of one deep order. Same operations and rules as {@link CodecBenchmark}.
 *
 * <p>Inside the timed region: only the codec call on event batches; outside: as in {@link AbstractCodecBenchmark}.
 */
public class EventBatchCodecBenchmark extends AbstractCodecBenchmark {

    @Param({"1", "100", "1000"})
    public int events;

    @Override
    protected List<?> messages() {
        PayloadGenerator generator = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED);
        List<EventBatch> batches = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            batches.add(generator.eventBatch(events));
        }
        return batches;
    }

    @Override
    protected Class<?> type() {
        return EventBatch.class;
    }

    @Override
    protected String describe() {
        return "event batch events=" + events;
    }
}
