package io.wirebench.e2e.load;

import java.util.Set;

/**
 * One generator's caller side of a scenario: the operation the runner starts at each intended time, a check of one
 * operation of each kind before any timing, and what the scenario's books need of the callers.
 */
interface ScenarioClient extends AutoCloseable {

    LoadOperation operation();

    /** Sends one operation of each kind and checks every reply; throws on the first wrong one. */
    void checkBeforeTiming();

    /** Operations sent so far. */
    long sent();

    /** The ids of operations that got no answer (an order whose outcome is unknown); empty where the books need none. */
    Set<String> unanswered();

    @Override
    void close();
}
