package dev.regen.nn;

import dev.regen.config.ImageShape;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/** Moves data between plain Java arrays and engine tensors. */
public final class Tensors {
    private Tensors() {
    }

    /** A batch tensor [count, C, H, W] holding a copy of {@code pixels}. */
    public static Tensor images(float[] pixels, int count, ImageShape shape) {
        return Tensor.create(pixels, count, shape.channels(), shape.height(), shape.width());
    }

    /** A copy of a float tensor's values, flattened in row-major order. */
    public static float[] floats(Tensor tensor) {
        Tensor flat = tensor.detach().contiguous();
        float[] values = new float[(int) flat.numel()];
        flat.data_ptr_float().get(values);
        return values;
    }

    /** A scalar for tensor arithmetic. */
    public static Scalar scalar(double value) {
        return new Scalar(value);
    }
}
