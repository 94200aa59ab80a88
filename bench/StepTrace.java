import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import dev.regen.data.ArrayDataset;
import dev.regen.data.IdxReader;
import dev.regen.data.ImageDataset;
import dev.regen.model.Vae;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Traces the default conv VAE's training speed in short blocks, each followed by a quick
 * measurement of the oneDNN matmul ceiling, so that every block's speed is set against the
 * ceiling of the same second. The VM's speed moves in spells of seconds to minutes; a run-long
 * mean against a best-of ceiling mixes them, the blocks show them apart.
 *
 * <p>The step is the library's (the loss, backward, Adam), on real images cycled in order, without
 * the trainer's loader thread and metrics (2-4% of the step, docs/BENCHMARKS.md). Prints one
 * JSON line per block. Compiled with {@code MatmulCeiling.java} by {@code bench/speed_modes.sh}; its
 * median step time and its median also serve {@code bench/LayerCost.java}.
 */
public class StepTrace {
    static final int BATCH = 128;
    private static final int STEPS_PER_BLOCK = 50;
    /** Batches held ready: enough to cycle through real data, few enough to stay small (20 MB). */
    private static final int BATCHES = 50;

    public static void main(String[] args) {
        int threads = Integer.parseInt(args[0]);
        int blocks = Integer.parseInt(args[1]);
        Torch.start(threads);
        Trainee trainee = new Trainee(Path.of(args[2]));
        for (int block = 1; block <= blocks; block++) {
            long start = System.nanoTime();
            for (int s = 0; s < STEPS_PER_BLOCK; s++) {
                trainee.step();
            }
            double imagesPerSecond = STEPS_PER_BLOCK * BATCH / ((System.nanoTime() - start) / 1e9);
            double ceiling = MatmulCeiling.best(MatmulCeiling::onednnProduct, new int[]{1024}, 5);
            System.out.printf("{\"block\": %d, \"imagesPerSecond\": %.0f, \"ceilingGflops\": %.1f}%n",
                    block, imagesPerSecond, ceiling);
        }
    }

    /** The median time of {@code steps} training steps after as many warm-up steps, in milliseconds. */
    static double medianStepMillis(Path data, int steps) {
        Trainee trainee = new Trainee(data);
        double[] millis = new double[steps];
        for (int s = 0; s < 2 * steps; s++) {
            long start = System.nanoTime();
            trainee.step();
            if (s >= steps) {
                millis[s - steps] = (System.nanoTime() - start) / 1e6;
            }
        }
        return median(millis);
    }

    /** The median of {@code xs} (the upper one of an even count). */
    static double median(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * {@code count} batches of {@link #BATCH} real images of {@code data}, taken in order (from the
     * start again when it holds fewer), as tensors.
     */
    static Tensor[] batches(ImageDataset data, int count) {
        ImageShape shape = data.shape();
        Tensor[] batches = new Tensor[count];
        float[] pixels = new float[BATCH * shape.size()];
        for (int b = 0; b < count; b++) {
            for (int i = 0; i < BATCH; i++) {
                data.read((b * BATCH + i) % data.size(), pixels, i * shape.size());
            }
            batches[b] = Tensors.images(pixels, BATCH, shape);
        }
        return batches;
    }

    /** The default conv VAE with its Adam, trained on real batches taken in turn. */
    private static final class Trainee {
        private final Tensor[] batches;
        private final Vae vae;
        private final Adam adam;
        private long step;

        Trainee(Path data) {
            torch.manual_seed(1);
            ArrayDataset train = IdxReader.read(data.resolve("train-images-idx3-ubyte.gz"), null);
            batches = StepTrace.batches(train, BATCHES);
            vae = new Vae(ModelConfig.convVae(train.shape()));
            adam = new Adam(vae.parameters(), new AdamOptions(1e-3));
        }

        /** One training step as the library takes it: the loss, backward, Adam. */
        void step() {
            try (PointerScope scope = new PointerScope()) {
                Tensor loss = vae.loss(batches[(int) (step++ % BATCHES)], null, 1.0, 0).total();
                loss.item_double();
                adam.zero_grad();
                loss.backward();
                adam.step();
            }
        }
    }
}
