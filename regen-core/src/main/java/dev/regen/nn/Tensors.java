package dev.regen.nn;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/** Moves data between plain Java arrays and engine tensors. */
public final class Tensors {
    private Tensors() {
    }

    /** A batch tensor [count, C, H, W] on the engine's device holding a copy of {@code pixels}. */
    public static Tensor images(float[] pixels, int count, ImageShape shape) {
        return Torch.toDevice(Tensor.create(pixels, count, shape.channels(), shape.height(), shape.width()));
    }

    /** A copy of a float tensor's values (from whichever device), flattened in row-major order. */
    public static float[] floats(Tensor tensor) {
        Tensor flat = tensor.detach().cpu().contiguous();
        float[] values = new float[(int) flat.numel()];
        flat.data_ptr_float().get(values);
        return values;
    }

    /**
     * Class labels [n] (int64, on the engine's device) for a conditional model, or null for an
     * unconditional one.
     *
     * @throws RegenException when labels are missing, out of range, or given to an unconditional model
     */
    public static Tensor labels(ModelConfig config, int[] labels, int n) {
        if (!config.conditional()) {
            if (labels != null) {
                throw new RegenException("this model is unconditional; it takes no labels");
            }
            return null;
        }
        if (labels == null || labels.length != n) {
            throw new RegenException("this conditional model needs a label for each of the " + n + " images");
        }
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= config.classes()) {
                throw new RegenException("label " + labels[i] + " is out of range: this model knows classes 0 to "
                        + (config.classes() - 1));
            }
            values[i] = labels[i];
        }
        return Torch.toDevice(Tensor.create(values, n));
    }

    /** A scalar for tensor arithmetic. */
    public static Scalar scalar(double value) {
        return new Scalar(value);
    }
}
