package io.wirebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrialFigureTest {

    @Test
    void sharesSumBackToTheFigureOverThreadsIterationsAndForks() {
        double share = TrialFigure.share(4, 5, 3);
        double sum = 0;
        for (int k = 0; k < 4 * 5 * 3; k++) {
            sum += 120.0 * share;
        }
        assertEquals(120.0, sum, 1e-9);
    }

    @Test
    void anInProcessRunCountsAsOneFork() {
        assertEquals(TrialFigure.share(2, 3, 1), TrialFigure.share(2, 3, 0));
    }

    @Test
    void handsThePublishedFigureOver() {
        TrialFigure<String> size = new TrialFigure<>("wire size");
        size.publish("42 bytes");
        assertSame("42 bytes", size.current());
    }

    @Test
    void aCounterAskingBeforeTheSetupPublishedIsRefusedByName() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new TrialFigure<>("stage clock").current());
        assertTrue(refused.getMessage().contains("no stage clock was published"), refused.getMessage());
    }
}
