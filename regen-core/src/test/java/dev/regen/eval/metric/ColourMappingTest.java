package dev.regen.eval.metric;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ColourMappingTest {
    @Test
    void aColourMappingLearnsAPaletteSwapAndLeavesUnseenColoursAlone() {
        ImageShape shape = new ImageShape(3, 1, 2);
        // Pixel 0 is "skin" (0.9, 0.8, 0.2), which the pairs turn into (0.5, 0.3, 0.2); pixel 1 is white and stays.
        float[] before = {0.9f, 1f, 0.8f, 1f, 0.2f, 1f};
        float[] after = {0.5f, 1f, 0.3f, 1f, 0.2f, 1f};
        ColourMapping mapping = ColourMapping.fit(before, after, 1, shape);
        float[] unseen = {0.9f, 0.1f, 0.8f, 0.1f, 0.2f, 0.1f};
        assertArrayEquals(new float[]{0.5f, 0.1f, 0.3f, 0.1f, 0.2f, 0.1f}, mapping.apply(unseen, 1), 1e-6f);
        assertThrows(RegenException.class, () -> mapping.apply(new float[3], 1));
    }
}
