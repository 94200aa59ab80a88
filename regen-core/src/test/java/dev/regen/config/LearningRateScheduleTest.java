package dev.regen.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LearningRateScheduleTest {
    @Test
    void cosineFallsFromTheFullRateThroughHalfToZeroAtTheEnd() {
        assertEquals(1.0, LearningRateSchedule.COSINE.factor(0, 10), 1e-15);
        assertEquals(0.5 * (1 + Math.cos(Math.PI / 4)), LearningRateSchedule.COSINE.factor(2.5, 10), 1e-15);
        assertEquals(0.5, LearningRateSchedule.COSINE.factor(5, 10), 1e-15);
        assertEquals(0.0, LearningRateSchedule.COSINE.factor(10, 10), 1e-15);
        assertEquals(0.0, LearningRateSchedule.COSINE.factor(12, 10), 1e-15);
    }

    @Test
    void constantKeepsTheFullRate() {
        assertEquals(1.0, LearningRateSchedule.CONSTANT.factor(7.3, 10));
    }

    @Test
    void namesParseAndUnknownOnesAreRefused() {
        assertEquals(LearningRateSchedule.COSINE, LearningRateSchedule.parse("Cosine"));
        assertEquals("learning-rate schedule must be one of constant|cosine, got 'step'",
                assertThrows(dev.regen.RegenException.class, () -> LearningRateSchedule.parse("step")).getMessage());
    }
}
