package io.wirebench.e2e.load;

/**
 * Which requests of one arrival schedule a generator sends: generator {@code index} of {@code of} takes
 * requests {@code index, index + of, index + 2 of, ...}, each at its intended time in the whole schedule.
 * The shares of {@code of} generators are disjoint and together are the whole schedule, so their combined
 * arrivals are one generator's, phase-shifted by a request each (Locust's workers split users; an open-loop
 * schedule is split by requests). {@link #WHOLE} is one generator's whole schedule.
 */
public record ScheduleShare(int index, int of) {
    public static final ScheduleShare WHOLE = new ScheduleShare(0, 1);

    public ScheduleShare {
        if (of < 1 || index < 0 || index >= of) {
            throw new IllegalArgumentException("share " + index + " of " + of + ": needs 0 <= index < of");
        }
    }

    /** How many of a schedule's first {@code total} requests (those before request {@code total}) are this share's. */
    public long count(long total) {
        return total <= index ? 0 : (total - index - 1) / of + 1;
    }

    /** This share's part of {@code inFlight} requests in flight at most (at least 1; the shares add up to at least the whole). */
    public int inFlight(int inFlight) {
        return Math.max(1, inFlight / of + (index < inFlight % of ? 1 : 0));
    }
}
