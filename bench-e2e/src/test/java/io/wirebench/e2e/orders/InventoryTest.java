package io.wirebench.e2e.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wirebench.schemas.model.InventoryReservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InventoryTest {
    private static final String[] SKUS = {"ABC-0001", "ABC-0002", "ABC-0003"};

    private static InventoryReservation line(String sku, int quantity) {
        return new InventoryReservation("ord_000000000001", sku, quantity, "wh-1", Instant.EPOCH);
    }

    @Test
    void anOrderIsAllOrNothing() {
        Inventory inventory = new Inventory(10);
        assertEquals("ABC-0002", inventory.reserve("ord_1", List.of(line("ABC-0001", 4), line("ABC-0002", 11))));
        assertEquals(10, inventory.available("ABC-0001"), "the first line was put back");
        assertNull(inventory.reserve("ord_2", List.of(line("ABC-0001", 4), line("ABC-0001", 6))));
        assertEquals(0, inventory.available("ABC-0001"));
        assertEquals(10, inventory.unitsHeld());
        inventory.release("ord_2");
        assertEquals(10, inventory.available("ABC-0001"));
        assertEquals(0, inventory.unitsHeld());
        assertThrows(IllegalArgumentException.class, () -> new Inventory(-1));
    }

    @Test
    void aRepeatedReserveOrReleaseGetsTheFirstAnswerAndMovesNoStock() {
        Inventory inventory = new Inventory(10);
        List<InventoryReservation> lines = List.of(line("ABC-0001", 3));
        assertNull(inventory.reserve("ord_1", lines));
        assertNull(inventory.reserve("ord_1", lines), "a redelivered reserve: the first answer");
        assertEquals(7, inventory.available("ABC-0001"), "taken once");
        assertEquals("ABC-0002", inventory.reserve("ord_2", List.of(line("ABC-0002", 11))));
        inventory.set("ABC-0002", 100);
        assertEquals("ABC-0002", inventory.reserve("ord_2", List.of(line("ABC-0002", 11))), "the first answer, even with stock now");
        assertEquals(100, inventory.available("ABC-0002"));
        inventory.release("ord_1");
        inventory.release("ord_1");
        assertEquals(10, inventory.available("ABC-0001"), "put back once");
        inventory.release("ord_2");
        assertEquals(100, inventory.available("ABC-0002"), "an order that was short holds nothing to put back");
        assertEquals(0, inventory.unitsHeld());
        assertEquals(3, inventory.repeats());
    }

    @Test
    void aReleaseBeforeItsReserveLeavesTheLateReserveNothingToTake() {
        Inventory inventory = new Inventory(10);
        inventory.release("ord_1"); // the caller gave up and released; its reserve was still queued
        assertEquals(Inventory.RELEASED, inventory.reserve("ord_1", List.of(line("ABC-0001", 4))));
        assertEquals(10, inventory.available("ABC-0001"));
        assertEquals(0, inventory.unitsHeld());
    }

    @Test
    void concurrentMultiLineOrdersNeverOversellAndStockIsConserved() throws Exception {
        long initial = 1_000;
        Inventory inventory = new Inventory(initial);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> sold = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            sold.add(pool.submit(() -> {
                Random random = new Random(seed);
                long[] taken = new long[SKUS.length];
                go.await();
                for (int i = 0; i < 20_000; i++) {
                    List<InventoryReservation> lines = new ArrayList<>();
                    int[] quantities = new int[SKUS.length];
                    for (int k = 0; k < 1 + random.nextInt(3); k++) {
                        int s = random.nextInt(SKUS.length);
                        int q = 1 + random.nextInt(5);
                        lines.add(line(SKUS[s], q));
                        quantities[s] += q;
                    }
                    String order = "ord_" + seed + "_" + i;
                    if (inventory.reserve(order, lines) == null) {
                        for (int s = 0; s < SKUS.length; s++) {
                            taken[s] += quantities[s];
                        }
                        if (random.nextInt(4) == 0) {
                            inventory.release(order);
                            for (int s = 0; s < SKUS.length; s++) {
                                taken[s] -= quantities[s];
                            }
                        }
                    }
                }
                return taken;
            }));
        }
        go.countDown();
        long[] total = new long[SKUS.length];
        for (Future<long[]> f : sold) {
            long[] taken = f.get(60, TimeUnit.SECONDS);
            for (int s = 0; s < SKUS.length; s++) {
                total[s] += taken[s];
            }
        }
        pool.shutdown();
        for (int s = 0; s < SKUS.length; s++) {
            long left = inventory.available(SKUS[s]);
            assertEquals(initial, left + total[s], SKUS[s] + ": units left + units sold = units stocked");
            assertEquals(true, left >= 0 && left < 5 + 5, SKUS[s] + " was sold out (contended), left " + left);
        }
    }
}
