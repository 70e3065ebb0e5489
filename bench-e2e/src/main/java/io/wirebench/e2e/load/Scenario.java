package io.wirebench.e2e.load;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.transport.Transport;

/**
 * One of the seed's scenarios as the load runner, its workers and the benchmark profiles know it ({@link Scenarios}
 * lists them): its name, the rate and the unit of work its configuration asks for, how to run it in one process, and,
 * when workers can send it, its parts for a distributed run.
 */
interface Scenario {

    /** The {@code --scenario} name, the same everywhere (profiles, claims, result files). */
    String name();

    /** Operations per second the configuration asks for. */
    double configuredRate(LoadConfig settings);

    /** What one operation is, for the summary ("small orders", "batches of 100 events"). */
    String unit(LoadConfig settings);

    /** Its services and one generator's callers in this process, checked before any timing; {@code users} in flight. */
    LoadScenario open(LoadConfig settings, Transport transport, Codec codec, int users);

    /** Its parts for a run split over workers; null when workers cannot send it. */
    default Distributed distributed() {
        return null;
    }

    /** A scenario whose callers can run in other processes: its service side here, what workers send, a worker's caller. */
    interface Distributed {

        ServiceSide serviceSide(LoadConfig settings, Transport transport, Codec codec);

        /** What the workers send: this scenario over {@code transport} at {@code serviceUrl} (null in one process), in {@code codec}. */
        LoadProtocol.Target target(LoadConfig settings, String transport, String serviceUrl, String codec);

        /** The caller of worker {@code index} (each index its own ids), for {@code target}. */
        ScenarioClient client(LoadProtocol.Target target, Transport transport, Codec codec, int index);
    }
}
