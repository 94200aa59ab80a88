package dev.regen.eval.metric;

import dev.regen.RegenException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DetectionTest {
    @Test
    void aurocIsTheShareOfPairsOrderedRightWithTiesCountedHalf() {
        assertEquals(1.0, Detection.auroc(new double[]{1, 2, 3}, new double[]{4, 5}), 1e-12);
        assertEquals(0.0, Detection.auroc(new double[]{4, 5}, new double[]{1, 2, 3}), 1e-12);
        assertEquals(0.5, Detection.auroc(new double[]{2, 2}, new double[]{2, 2, 2}), 1e-12);
        // Normal {1, 3} against anomalous {0, 1, 4}: for normal 1 the pairs count 0, 0.5 and 1; for normal 3
        // 0, 0 and 1: 2.5 of 6.
        assertEquals(2.5 / 6, Detection.auroc(new double[]{1, 3}, new double[]{0, 1, 4}), 1e-12);
    }

    @Test
    void thresholdFlagsAtMostTheTargetShareOfNormalImages() {
        double[] normal = {5, 1, 4, 2, 3, 9, 8, 7, 6, 10};
        assertEquals(8, Detection.threshold(normal, 0.2), 1e-12);
        assertEquals(0.2, Detection.shareAbove(normal, Detection.threshold(normal, 0.2)), 1e-12);
        assertEquals(10, Detection.threshold(normal, 0.05), 1e-12);
        assertEquals(0.0, Detection.shareAbove(normal, Detection.threshold(normal, 0.0)), 1e-12);
        Detection d = Detection.of(normal, new double[]{8.5, 11, 2}, 0.2);
        assertEquals(2.0 / 3, d.truePositiveRate(), 1e-12);
        assertEquals(0.2, d.falsePositiveRate(), 1e-12);
    }

    @Test
    void refusesEmptySetsNanScoresAndRatesOutOfRange() {
        assertThrows(RegenException.class, () -> Detection.of(new double[0], new double[]{1}, 0.05));
        assertThrows(RegenException.class, () -> Detection.auroc(new double[]{Double.NaN}, new double[]{1}));
        assertThrows(RegenException.class, () -> Detection.threshold(new double[]{1}, 1.0));
    }
}
