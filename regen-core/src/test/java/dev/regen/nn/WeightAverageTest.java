package dev.regen.nn;

import dev.regen.config.ImageShape;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightAverageTest {
    @BeforeAll
    static void engine() {
        Torch.start(1);
    }

    private static Tensor values(float... values) {
        return Tensors.images(values, 1, new ImageShape(1, 1, values.length)).view(values.length);
    }

    private static Tensor weight(float... values) {
        return values(values).requires_grad_(true);
    }

    @Test
    void theDecayWarmsUpAsTheStepCountThenHoldsAtItsValue() {
        WeightAverage average = new WeightAverage(new TensorVector(weight(0f)), 0.999);
        assertEquals(0.1, average.decayAt(0), 1e-12);
        assertEquals(11.0 / 20.0, average.decayAt(10), 1e-12);
        assertEquals(0.999, average.decayAt(100_000), 1e-12);
    }

    @Test
    void eachUpdateMovesTheAverageByOneMinusTheDecayTowardsTheWeights() {
        Tensor w = weight(1f, 2f);
        WeightAverage average = new WeightAverage(new TensorVector(w), 0.5);
        w.detach().copy_(values(3f, 6f));
        average.update(100);  // decay min(0.5, 101 / 110) = 0.5: a = 0.5 [1, 2] + 0.5 [3, 6]
        w.detach().copy_(values(-2f, 0f));
        average.update(0);    // decay 0.1: a = 0.1 [2, 4] + 0.9 [-2, 0]
        try (WeightAverage.Swap swapped = average.swapIn()) {
            assertArrayEquals(new float[]{-1.6f, 0.4f}, Tensors.floats(w), 1e-6f);
        }
        assertArrayEquals(new float[]{-2f, 0f}, Tensors.floats(w), "the trained weights are back");
        average.install();
        assertArrayEquals(new float[]{-1.6f, 0.4f}, Tensors.floats(w), 1e-6f);
        assertTrue(w.requires_grad(), "the weights stay trainable");
    }
}
