package io.wirebench.e2e.analytics;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.model.EventBatch;
import io.wirebench.schemas.service.AggregateQuery;
import io.wirebench.schemas.service.IngestAck;
import io.wirebench.transport.RpcServer;
import java.time.Duration;

/**
 * The real-time analytics scenario's service: {@code analytics.ingest} takes an {@link EventBatch} and
 * adds it to the {@link Aggregator} (one-minute windows); {@code analytics.query} answers an
 * {@link AggregateQuery} with a consistent snapshot.
 */
public final class AnalyticsService {
    public static final String INGEST = "analytics.ingest";
    public static final String QUERY = "analytics.query";
    public static final Duration WINDOW = Duration.ofMinutes(1);

    private final Codec codec;
    private final Aggregator aggregator = new Aggregator(WINDOW);

    public AnalyticsService(Codec codec) {
        this.codec = codec;
    }

    public void register(RpcServer server) {
        server.register(INGEST, this::ingest);
        server.register(QUERY, this::query);
    }

    public Aggregator aggregator() {
        return aggregator;
    }

    byte[] ingest(byte[] request) {
        EventBatch batch = codec.decode(request, EventBatch.class);
        aggregator.apply(batch);
        return codec.encode(new IngestAck(batch.batchId(), batch.events().size()));
    }

    byte[] query(byte[] request) {
        AggregateQuery query = codec.decode(request, AggregateQuery.class);
        String prefix = query.keyPrefix() == null ? "" : query.keyPrefix();
        return codec.encode(aggregator.snapshot(prefix));
    }
}
