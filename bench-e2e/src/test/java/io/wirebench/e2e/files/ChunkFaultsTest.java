package io.wirebench.e2e.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChunkFaultsTest {

    @Test
    void randomFaultsHitTheConfiguredShareOfSendsEvenWhenTheSameChunksAreSentAgain() {
        ChunkFaults faults = ChunkFaults.random(0.05, 0.02, 42);
        int corrupt = 0;
        int dropped = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            switch (faults.fate(i % 4, 1)) {
                case CORRUPT -> corrupt++;
                case DROP -> dropped++;
                default -> { }
            }
        }
        assertTrue(Math.abs(corrupt - 5_000) < 420, "corrupted " + corrupt);
        assertTrue(Math.abs(dropped - 2_000) < 270, "dropped " + dropped);
        ChunkFaults again = ChunkFaults.random(0.05, 0.02, 42);
        ChunkFaults same = ChunkFaults.random(0.05, 0.02, 42);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(same.fate(i, 1), again.fate(i, 1), "the same seed gives the same sequence");
        }
        assertThrows(IllegalArgumentException.class, () -> ChunkFaults.random(0.7, 0.4, 1));
    }
}
