package io.wirebench.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order in which an interleaved comparison runs its single-fork JMH runs: {@code rounds} rounds, each
 * running every setting once; the rounds come in pairs, a random order and then the same order reversed
 * (A B, B A, ...: a setting that ran early in one round runs late in the next), each pair's order drawn from
 * {@code seed}, which the results record. Drift on the machine then falls on every setting alike, and the
 * forks of one round are a pair: a ratio's interval comes from the paired fork ratios.
 */
public record InterleavedSchedule(long seed, List<Slot> slots) {

    /** One single-fork run: its round and the setting (the value of the interleaved param). */
    public record Slot(int round, String setting) {
    }

    public InterleavedSchedule {
        slots = List.copyOf(slots);
    }

    public static InterleavedSchedule of(List<String> settings, int rounds, long seed) {
        if (settings.isEmpty() || rounds < 1) {
            throw new IllegalArgumentException("an interleaved run needs at least one setting and one round, had " + settings + " and " + rounds);
        }
        Random random = new Random(seed);
        List<Slot> slots = new ArrayList<>();
        List<String> order = new ArrayList<>(settings);
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                Collections.shuffle(order, random);
            } else {
                Collections.reverse(order);
            }
            for (String setting : order) {
                slots.add(new Slot(round, setting));
            }
        }
        return new InterleavedSchedule(seed, slots);
    }

    /** The settings in the order they run, "nats, http | http, nats | ...". */
    public String describe() {
        StringBuilder s = new StringBuilder();
        int round = -1;
        for (Slot slot : slots) {
            if (slot.round() != round) {
                s.append(round < 0 ? "" : " | ");
                round = slot.round();
            } else {
                s.append(", ");
            }
            s.append(slot.setting());
        }
        return s.toString();
    }
}
