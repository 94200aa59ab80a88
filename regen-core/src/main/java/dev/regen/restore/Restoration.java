package dev.regen.restore;

import dev.regen.RegenException;
import dev.regen.WorkProgress;
import dev.regen.config.ImageShape;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Damaged;
import dev.regen.model.Network;
import dev.regen.nn.FrozenWeights;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;

import java.util.List;

/**
 * Restores damaged images with a trained model (a VAE, a GAN or a restoration network), through plain arrays: images in, the
 * restorations (and posterior samples) out, in batches, in evaluation mode.
 */
public final class Restoration {
    private static final int BATCH = 50;

    private final Network model;
    private final Corruption corruption;
    private final MethodStrategy strategy;

    /**
     * @throws RegenException when the model cannot restore with this method
     */
    public Restoration(Network model, Corruption corruption, Method method, RestoreSettings settings) {
        if (model.config().conditional()) {
            throw new RegenException("restoration needs an unconditional model; this one is conditional on "
                    + model.config().classes() + " classes");
        }
        this.model = model;
        this.corruption = corruption;
        this.strategy = method.strategy(model, settings);
    }

    /**
     * The restorations of a list of damaged images, one image after the other.
     *
     * @param samples         {@code samplesPerImage} images per damaged image, one image after the other; empty
     *                        unless the method samples
     * @param samplesPerImage 0 unless the method samples
     */
    public record Result(float[] restored, float[] samples, int samplesPerImage) {
    }

    /**
     * Restores every image in {@code damaged}, all made by this corruption from images of the
     * model's shape; seeded, so repeated runs agree.
     */
    public Result run(List<Damaged> damaged, long seed, WorkProgress listener) {
        ImageShape shape = model.config().shape();
        ImageShape expected = corruption.damagedShape(shape);
        for (Damaged d : damaged) {
            if (!d.shape().equals(expected)) {
                throw new RegenException("this model restores " + shape + " images, so it needs damaged images of "
                        + expected + ", not " + d.shape());
            }
        }
        int n = damaged.size();
        int perImage = strategy.samplesPerImage();
        float[] restored = new float[n * shape.size()];
        float[] samples = new float[n * perImage * shape.size()];
        long total = strategy.stepsPerBatch() * ((n + BATCH - 1) / BATCH);
        long[] done = {0};
        Torch.seed(seed);
        model.evaluationMode(true);
        try (FrozenWeights frozen = new FrozenWeights(model.network().parameters())) {
            for (int start = 0; start < n; start += BATCH) {
                List<Damaged> batch = damaged.subList(start, Math.min(n, start + BATCH));
                try (PointerScope scope = new PointerScope()) {
                    MethodStrategy.Restored out = strategy.restore(observation(batch, expected), batch.size(),
                            step -> listener.progress(++done[0], total));
                    System.arraycopy(Tensors.floats(out.images()), 0, restored, start * shape.size(),
                            batch.size() * shape.size());
                    if (out.samples() != null) {
                        System.arraycopy(Tensors.floats(out.samples()), 0, samples, start * perImage * shape.size(),
                                batch.size() * perImage * shape.size());
                    }
                }
            }
        } finally {
            model.evaluationMode(false);
        }
        return new Result(restored, samples, perImage);
    }

    private Observation observation(List<Damaged> batch, ImageShape damagedShape) {
        int size = damagedShape.size();
        float[] pixels = new float[batch.size() * size];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(batch.get(i).pixels(), 0, pixels, i * size, size);
        }
        Tensor known = null;
        if (batch.get(0).known() != null) {
            ImageShape shape = model.config().shape();
            int plane = shape.height() * shape.width();
            float[] masks = new float[batch.size() * plane];
            for (int i = 0; i < batch.size(); i++) {
                System.arraycopy(batch.get(i).known(), 0, masks, i * plane, plane);
            }
            known = Torch.toDevice(Tensor.create(masks, batch.size(), 1, shape.height(), shape.width()));
        }
        return new Observation(corruption, Tensors.images(pixels, batch.size(), damagedShape), known);
    }
}
