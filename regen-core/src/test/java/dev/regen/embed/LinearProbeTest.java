package dev.regen.embed;

import dev.regen.embed.LinearProbe.Features;
import dev.regen.nn.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearProbeTest {
    @BeforeAll
    static void start() {
        Torch.start(2);
    }

    /** Three classes around the corners (0, 0), (10, 0), (0, 10) with unit noise, and a pure-noise third feature. */
    private static Features clusters(int perClass, long seed) {
        Random random = new Random(seed);
        float[] values = new float[3 * perClass * 3];
        int[] labels = new int[3 * perClass];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
            values[3 * i] = (float) ((labels[i] == 1 ? 10 : 0) + random.nextGaussian());
            values[3 * i + 1] = (float) ((labels[i] == 2 ? 10 : 0) + random.nextGaussian());
            values[3 * i + 2] = (float) (100 * random.nextGaussian());
        }
        return new Features(values, 3, labels);
    }

    @Test
    void separableClassesAreReadPerfectlyAndShuffledLabelsAtChance() {
        Features train = clusters(10, 1);
        Features test = clusters(200, 2);
        assertEquals(1.0, LinearProbe.testAccuracy(train, test, 3), 1e-12);
        int[] shuffled = train.labels().clone();
        // Labels unrelated to the features: a rotation that breaks every cluster's class.
        for (int i = 0; i < shuffled.length; i++) {
            shuffled[i] = (i / 3) % 3;
        }
        double chance = LinearProbe.testAccuracy(new Features(train.values(), 3, shuffled), test, 3);
        assertTrue(chance < 0.6, "accuracy with unrelated labels " + chance);
    }
}
