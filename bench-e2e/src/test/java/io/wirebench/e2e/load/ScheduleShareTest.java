package io.wirebench.e2e.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleShareTest {

    @Test
    void threeSharesAreDisjointAndTogetherTheWholeSchedule() {
        for (long total : new long[] {0, 1, 2, 3, 10, 3001}) {
            List<Long> all = new ArrayList<>();
            long counted = 0;
            for (int k = 0; k < 3; k++) {
                ScheduleShare share = new ScheduleShare(k, 3);
                long mine = 0;
                for (long i = share.index(); i < total; i += share.of()) {
                    all.add(i);
                    mine++;
                }
                assertEquals(mine, share.count(total), "share " + k + " of " + total);
                counted += share.count(total);
            }
            all.sort(null);
            assertEquals(total, counted);
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i, all.get(i).longValue(), "every request once, in " + total);
            }
        }
    }

    @Test
    void theWholeScheduleIsOneShare() {
        assertEquals(1234, ScheduleShare.WHOLE.count(1234));
        assertEquals(16, ScheduleShare.WHOLE.inFlight(16));
    }

    @Test
    void requestsInFlightAreSplitWithNoShareWithout() {
        assertEquals(List.of(6, 5, 5), List.of(new ScheduleShare(0, 3).inFlight(16), new ScheduleShare(1, 3).inFlight(16), new ScheduleShare(2, 3).inFlight(16)));
        assertEquals(1, new ScheduleShare(2, 3).inFlight(2), "a worker always has a user");
        assertEquals(2, new ScheduleShare(1, 3).count(7), "requests 1 and 4 come before 7 in share 1 (and 7 is not before itself)");
    }

    @Test
    void impossibleSharesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScheduleShare(3, 3));
        assertTrue(e.getMessage().contains("share 3 of 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ScheduleShare(0, 0));
    }
}
