package io.wirebench.e2e.files;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What happens to a chunk on its way: delivered, corrupted (one byte flipped, its checksum left as the
 * sender computed it) or dropped (never arrives). Decided per (chunk index, send number), so a re-sent
 * chunk gets a fresh draw and a run repeats exactly.
 */
public interface ChunkFaults {
    enum Fate { DELIVER, CORRUPT, DROP }

    Fate fate(int index, int send);

    ChunkFaults NONE = (index, send) -> Fate.DELIVER;

    /** The first send of each listed chunk is corrupted or dropped; re-sends arrive intact. */
    static ChunkFaults firstSend(Set<Integer> corrupt, Set<Integer> dropped) {
        return (index, send) -> send > 1 ? Fate.DELIVER
                : corrupt.contains(index) ? Fate.CORRUPT
                : dropped.contains(index) ? Fate.DROP
                : Fate.DELIVER;
    }

    /**
     * Each send corrupted with probability {@code corruptRate}, else dropped with {@code dropRate}: every
     * call is a fresh draw from a sequence fixed by {@code seed}, so a single caller's run repeats exactly.
     */
    static ChunkFaults random(double corruptRate, double dropRate, long seed) {
        if (!(corruptRate >= 0 && dropRate >= 0 && corruptRate + dropRate <= 1)) {
            throw new IllegalArgumentException("need corrupt and drop rates >= 0 adding up to at most 1, were "
                    + corruptRate + " and " + dropRate);
        }
        AtomicLong draws = new AtomicLong();
        return (index, send) -> {
            long h = (seed + draws.incrementAndGet()) * 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 31)) * 0x94D049BB133111EBL;
            double u = ((h ^ (h >>> 29)) >>> 11) * 0x1.0p-53;
            return u < corruptRate ? Fate.CORRUPT : u < corruptRate + dropRate ? Fate.DROP : Fate.DELIVER;
        };
    }
}
