package dev.regen.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LearningRateScheduleTest {
    @Test
    void cosineFallsFromTheFullRateThroughHalfToZeroAtTheEnd() {
        assertEquals(1.0, LearningRateSchedule.COSINE.factor(0, 10, 0), 1e-15);
        assertEquals(0.5 * (1 + Math.cos(Math.PI / 4)), LearningRateSchedule.COSINE.factor(2.5, 10, 0), 1e-15);
        assertEquals(0.5, LearningRateSchedule.COSINE.factor(5, 10, 0), 1e-15);
        assertEquals(0.0, LearningRateSchedule.COSINE.factor(10, 10, 0), 1e-15);
        assertEquals(0.0, LearningRateSchedule.COSINE.factor(12, 10, 0), 1e-15);
    }

    @Test
    void linearKeepsTheFullRateThenFallsToZeroOverTheDecayEpochs() {
        assertEquals(1.0, LearningRateSchedule.LINEAR.factor(4, 10, 0), 1e-15, "the first half is constant");
        assertEquals(0.5, LearningRateSchedule.LINEAR.factor(7.5, 10, 0), 1e-15);
        assertEquals(1.0, LearningRateSchedule.LINEAR.factor(7, 10, 2), 1e-15);
        assertEquals(0.25, LearningRateSchedule.LINEAR.factor(9.5, 10, 2), 1e-15);
        assertEquals(0.0, LearningRateSchedule.LINEAR.factor(10, 10, 2), 1e-15);
    }

    @Test
    void constantKeepsTheFullRate() {
        assertEquals(1.0, LearningRateSchedule.CONSTANT.factor(7.3, 10, 0));
    }

    @Test
    void namesParseAndUnknownOnesAreRefused() {
        assertEquals(LearningRateSchedule.COSINE, LearningRateSchedule.parse("Cosine"));
        assertEquals("learning-rate schedule must be one of constant|cosine|linear, got 'step'",
                assertThrows(dev.regen.RegenException.class, () -> LearningRateSchedule.parse("step")).getMessage());
    }
}
