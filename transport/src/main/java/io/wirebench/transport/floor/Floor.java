package io.wirebench.transport.floor;

import java.util.List;

/**
 * A transport's floor: its own client library (or native tool) against the same server and the same {@code orders}
 * handler as the suite's service, with no suite code in between. A transport's provider names its floor; the
 * floor stage ({@code scripts/bench peers}) asks the registry for every floor, so no list of floors is kept elsewhere.
 */
@FunctionalInterface
public interface Floor {

    /** Every shape of {@code plan} at every caller count, each checked for the right reply before it is measured. */
    List<PeerResult> measure(FloorPlan plan) throws Exception;
}
