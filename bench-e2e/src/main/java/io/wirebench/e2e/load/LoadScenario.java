package io.wirebench.e2e.load;

import io.wirebench.e2e.faults.ServiceDelays;
import java.util.Map;

/**
 * A seed scenario made ready for a load run over one transport: its services started, its work
 * prepared, its correctness checked before any timing. {@link #operation()} is what the runner starts
 * at each intended time; {@link #accounting()} is what the scenario counted beside latency (outcomes,
 * retries, reads, recoveries), and throws if its books do not balance.
 */
public interface LoadScenario extends AutoCloseable {

    String name();

    /** Operations per second the configuration asks for. */
    double configuredRate();

    /** What one operation is, for the summary ("orders", "batches of 100 events", "uploads of 4 MiB"). */
    String unit();

    LoadOperation operation();

    Map<String, Object> accounting();

    /** The delays of this scenario's services, which a {@code slow} fault sets. */
    ServiceDelays delays();

    @Override
    void close();
}
