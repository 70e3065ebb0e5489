package io.wirebench.e2e.load;

import io.wirebench.e2e.faults.ServiceDelays;
import java.util.Map;
import java.util.Set;

/**
 * A scenario's service side under load, apart from its callers: its services on a transport's server and its
 * books. A distributed run keeps it in the coordinator's process while the workers send; the workers report what
 * the books need of the callers (operations sent, the ids never answered).
 */
interface ServiceSide extends AutoCloseable {

    /** The delays of its services, which a {@code slow} fault sets. */
    ServiceDelays delays();

    /** After the callers' check and before any timing: the books start from zero, the readers start. */
    void readyForTiming();

    /** The books after a run whose callers sent {@code sent} operations and got no answer for {@code unanswered}. */
    Map<String, Object> accounting(long sent, Set<String> unanswered);

    @Override
    void close();
}
