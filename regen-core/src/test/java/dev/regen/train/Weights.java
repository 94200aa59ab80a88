package dev.regen.train;

import dev.regen.nn.Tensors;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.TensorVector;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Copies of tensors' values, to compare networks before and after or two runs bit for bit. */
final class Weights {
    private Weights() {
    }

    /** The values of every tensor, in order. */
    static List<float[]> snapshot(TensorVector tensors) {
        List<float[]> values = new ArrayList<>();
        for (long i = 0; i < tensors.size(); i++) {
            // Times 1.0 promotes integer buffers (batch norm's step counter) to floats.
            values.add(Tensors.floats(tensors.get(i).mul(Tensors.scalar(1.0))));
        }
        return values;
    }

    /** Asserts that two networks hold the same parameters and buffers, bit for bit. */
    static void assertSame(Module a, Module b) {
        assertSame(snapshot(a.parameters()), snapshot(b.parameters()), "parameter");
        assertSame(snapshot(a.buffers()), snapshot(b.buffers()), "buffer");
    }

    private static void assertSame(List<float[]> a, List<float[]> b, String what) {
        assertEquals(a.size(), b.size(), what + "s");
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), what + " " + i);
        }
    }
}
