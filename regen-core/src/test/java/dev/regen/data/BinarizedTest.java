package dev.regen.data;

import dev.regen.TestData;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixed binarization of a test set: binary, repeatable, and unbiased. */
class BinarizedTest {
    @Test
    void pixelsAreBinaryTheSameOnEveryReadAndKeepTheMeanIntensity() {
        ArrayDataset test = TestData.fashionTest();
        Binarized binary = new Binarized(test, 3L);
        int[] first = IntStream.range(0, 500).toArray();
        float[] once = binary.read(first);
        assertArrayEquals(once, binary.read(first));
        assertFalse(java.util.Arrays.equals(once, new Binarized(test, 4L).read(first)));
        double grey = 0;
        double ones = 0;
        float[] original = test.read(first);
        for (int i = 0; i < once.length; i++) {
            assertTrue(once[i] == 0f || once[i] == 1f, "pixel " + i + " is " + once[i]);
            grey += original[i];
            ones += once[i];
        }
        assertEquals(grey / once.length, ones / once.length, 0.002);
        assertEquals(test.label(7), binary.label(7));
    }
}
