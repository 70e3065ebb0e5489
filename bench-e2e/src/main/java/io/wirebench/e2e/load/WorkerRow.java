package io.wirebench.e2e.load;

/**
 * One worker of a distributed run, as its result lists it: who it was, its share of the schedule, what it
 * sent, what succeeded and failed, how late its sender got, how far its clock was from the coordinator's,
 * how many successes its latency histogram holds, and whether it finished ({@code lost} names why not).
 */
public record WorkerRow(int index, String name, String host, long pid, long scheduled, long sent, long succeeded, long failed,
                        long correctedCount, double maxSendLagMillis, double sendLagP99Millis, double clockOffsetMillis,
                        double clockRoundTripMillis, String lost) {

    public boolean finished() {
        return lost == null;
    }
}
