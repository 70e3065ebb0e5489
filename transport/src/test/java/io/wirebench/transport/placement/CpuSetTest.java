package io.wirebench.transport.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuSetTest {

    @Test
    void readsLinuxCpuListsAndSplitsThemInHalves() {
        CpuSet set = CpuSet.parse("0-3,6");
        assertEquals(List.of(0, 1, 2, 3, 6), set.cpus());
        assertEquals("0,1", set.halves()[0].text());
        assertEquals("2,3,6", set.halves()[1].text());
        assertEquals(List.of(List.of(0), List.of(1)), List.of(CpuSet.parse("0-1").halves()[0].cpus(), CpuSet.parse("0-1").halves()[1].cpus()));
    }

    @Test
    void aListThatIsNotOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("0-x"));
        assertEquals("'0-x' is not a CPU list such as 0-3,6", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CpuSet.parse(""));
    }
}
