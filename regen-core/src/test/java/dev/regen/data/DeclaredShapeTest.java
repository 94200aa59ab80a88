package dev.regen.data;

import dev.regen.RegenException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeclaredShapeTest {
    @Test
    void pixelsBeyondTheHeapAreRefusedBeforeAllocating() {
        assertEquals(6, DeclaredShape.pixels("small.npy", 6).length);
        RegenException e = assertThrows(RegenException.class, () -> DeclaredShape.pixels("big.npy", 1L << 40));
        assertTrue(e.getMessage().matches("big\\.npy holds 1099511627776 pixel values, 4194304 MiB as floats, more "
                + "than the \\d+ MiB this Java process may use \\(java -Xmx sets it\\)"), e.getMessage());
        assertEquals(6, DeclaredShape.levels("small.idx", 6).length);
        e = assertThrows(RegenException.class, () -> DeclaredShape.levels("big.idx", 1L << 40));
        assertTrue(e.getMessage().startsWith("big.idx holds 1099511627776 pixel values, 1048576 MiB as bytes, more "
                + "than the "), e.getMessage());
    }
}
