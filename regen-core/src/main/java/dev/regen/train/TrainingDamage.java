package dev.regen.train;

import dev.regen.config.ImageShape;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Damaged;
import dev.regen.data.damage.Display;
import dev.regen.nn.Tensors;
import org.bytedeco.pytorch.Tensor;

/**
 * The damage done to the inputs of a model trained for a restoration task, the clean images
 * being its targets: each image damaged afresh in every step, seeded by the run's seed, the step
 * and the image's place in the batch so that a resumed run damages the same way, and shown at the
 * model's size as restoration will show it.
 */
final class TrainingDamage {
    private final Corruption damage;
    private final ImageShape shape;
    private final long seed;

    TrainingDamage(Corruption damage, ImageShape shape, long seed) {
        this.damage = damage;
        this.shape = shape;
        this.seed = seed;
    }

    /** The damaged inputs [B, C, H, W] of step {@code step}'s clean images. */
    Tensor inputs(Tensor clean, long step) {
        int n = (int) clean.size(0);
        return Tensors.images(damaged(Tensors.floats(clean), n, seed * 1_000_003L + step * 65_536L), n, shape);
    }

    /** {@code n} clean images damaged with seeds {@code base}, {@code base + 1}, ...: the same for every call. */
    float[] damaged(float[] clean, int n, long base) {
        float[] out = new float[clean.length];
        for (int i = 0; i < n; i++) {
            Damaged d = damage.apply(clean, i * shape.size(), shape, base + i);
            System.arraycopy(Display.atOriginalSize(d, shape), 0, out, i * shape.size(), shape.size());
        }
        return out;
    }
}
