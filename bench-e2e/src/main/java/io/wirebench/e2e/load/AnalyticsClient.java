package io.wirebench.e2e.load;

import io.wirebench.e2e.analytics.AnalyticsService;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.model.EventBatch;
import io.wirebench.schemas.service.IngestAck;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.Transport;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The analytics scenario's caller side: each operation is a batch of {@code batchSize} events (one of 16
 * pre-generated) sent to the aggregation service; its acknowledgement must name the batch and its event count.
 * One per generator: a load worker opens its own.
 */
public final class AnalyticsClient implements ScenarioClient {
    static final int BATCHES = 16;

    private final int batchSize;
    private final Codec codec;
    private final RpcClient client;
    private final EventBatch[] batches = new EventBatch[BATCHES];
    private final byte[][] requests = new byte[BATCHES][];
    private final LongAdder sent = new LongAdder();

    public AnalyticsClient(int batchSize, Transport transport, Codec codec) {
        this.batchSize = batchSize;
        this.codec = codec;
        PayloadGenerator generator = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED);
        for (int i = 0; i < BATCHES; i++) {
            batches[i] = generator.eventBatch(batchSize);
            requests[i] = codec.encode(batches[i]);
        }
        this.client = transport.newClient();
    }

    @Override
    public LoadOperation operation() {
        return index -> {
            int i = (int) (index % BATCHES);
            sent.increment();
            return client.requestAsync(AnalyticsService.INGEST, requests[i]).thenApply(reply -> {
                IngestAck ack = codec.decode(reply, IngestAck.class);
                if (!ack.batchId().equals(batches[i].batchId()) || ack.events() != batchSize) {
                    throw new LoadFailure(FailureKind.WRONG_REPLY, "acknowledgement " + ack + " for batch " + batches[i].batchId());
                }
                return ack;
            });
        };
    }

    /** One of each batch before timing, each acknowledged; then forgets them (the aggregates are cleared apart). */
    @Override
    public void checkBeforeTiming() {
        for (int i = 0; i < BATCHES; i++) {
            operation().start(i).join();
        }
        sent.reset();
    }

    @Override
    public long sent() {
        return sent.sum();
    }

    /** Every batch is answered or failed: the books need no ids of the unanswered. */
    @Override
    public Set<String> unanswered() {
        return Set.of();
    }

    @Override
    public void close() {
        client.close();
    }
}
