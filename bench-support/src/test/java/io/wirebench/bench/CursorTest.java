package io.wirebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void visitsEveryInputInTurnAndWrapsAround() {
        Cursor cursor = new Cursor();
        List<Integer> seen = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            seen.add(cursor.next(3));
        }
        assertEquals(List.of(1, 2, 0, 1, 2, 0, 1), seen);
    }

    @Test
    void aSingleInputIsAlwaysIndexZero() {
        Cursor cursor = new Cursor();
        assertEquals(0, cursor.next(1));
        assertEquals(0, cursor.next(1));
    }

    @Test
    void twoCursorsKeepTheirOwnPositions() {
        Cursor a = new Cursor();
        Cursor b = new Cursor();
        a.next(4);
        a.next(4);
        assertEquals(1, b.next(4));
        assertEquals(3, a.next(4));
    }
}
