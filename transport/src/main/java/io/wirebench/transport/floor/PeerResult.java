package io.wirebench.transport.floor;

import java.util.List;

/**
 * One floor measurement in {@code peers.json}: which suite transport it is the floor of, what measured it
 * (tool and version), the exact command or loop, the payload shape and callers, and its rounds. A figure is
 * the median over the rounds; {@code low} and {@code high} are the rounds' extremes.
 */
public record PeerResult(String transport, String tool, String version, String command, String shape, int callers, String role,
                         List<PeerRound> rounds) {

    /** The floor the suite's figure is measured against ({@code floor}), or a reference shown beside it ({@code reference}). */
    public static final String FLOOR = "floor";
    public static final String REFERENCE = "reference";
}
