package dev.regen.train;

import dev.regen.config.DataConfig;
import dev.regen.config.ImageShape;
import dev.regen.data.DataSource;
import dev.regen.data.ImageDataset;
import dev.regen.eval.metric.ImageQuality;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;

import static dev.regen.nn.Tensors.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSIM loss against the SSIM metric, on real emoji and on images smaller than the window. */
class StructuralSimilarityTest {
    private static final int N = 6;
    private static ImageShape shape;
    private static float[] emoji;

    @BeforeAll
    static void data() {
        Torch.start(2);
        DataConfig config = new DataConfig(Path.of("..", "data", "emoji", "google").toString(), 3, 32, 32, null, 0.1,
                false, null, null, 0, null, null, false, 0);
        ImageDataset test = DataSource.prepare(config, 1).split().test();
        shape = test.shape();
        emoji = test.read(IntStream.range(0, N).toArray());
    }

    /** {@code images} with Gaussian noise of {@code sigma}, clipped to [0, 1]. */
    private static float[] noisy(float[] images, double sigma, long seed) {
        Random random = new Random(seed);
        float[] out = new float[images.length];
        for (int i = 0; i < images.length; i++) {
            out[i] = (float) Math.min(1, Math.max(0, images[i] + sigma * random.nextGaussian()));
        }
        return out;
    }

    /** The metric's mean over images, as the loss takes it. */
    private static double metric(float[] reference, float[] test, int count, ImageShape shape) {
        double total = 0;
        for (int i = 0; i < count; i++) {
            total += ImageQuality.ssim(reference, test, i * shape.size(), shape);
        }
        return total / count;
    }

    private static double loss(float[] reference, float[] test, int count, ImageShape shape) {
        return StructuralSimilarity.mean(Tensors.images(test, count, shape), Tensors.images(reference, count, shape))
                .item_double();
    }

    @Test
    void onRealEmojiTheLossIsTheMetricsMeanSsim() {
        for (double sigma : new double[]{0.05, 0.2, 0.5}) {
            float[] damaged = noisy(emoji, sigma, 7);
            double expected = metric(emoji, damaged, N, shape);
            assertEquals(expected, loss(emoji, damaged, N, shape), 1e-5, "noise " + sigma);
        }
        assertEquals(1.0, loss(emoji, emoji, N, shape), 1e-6);
    }

    @Test
    void imagesSmallerThanTheWindowUseTheMetricsUniformWindowToo() {
        ImageShape small = new ImageShape(2, 8, 6);
        float[] a = noisy(new float[3 * small.size()], 0.6, 1);
        float[] b = noisy(a, 0.2, 2);
        assertEquals(metric(a, b, 3, small), loss(a, b, 3, small), 1e-5);
    }

    @Test
    void itsGradientLeadsDamagedImagesBackTowardsTheirTargets() {
        Tensor target = Tensors.images(emoji, N, shape);
        Tensor images = Tensors.images(noisy(emoji, 0.3, 3), N, shape).requires_grad_(true);
        double before = StructuralSimilarity.mean(images, target).item_double();
        for (int step = 0; step < 20; step++) {
            Tensor similarity = StructuralSimilarity.mean(images, target);
            TensorVector gradient = torch.grad(new TensorVector(similarity), new TensorVector(images));
            // Signed steps of 0.01: the gradient of a mean over a batch is tiny per pixel.
            Tensor ascended = images.detach().add(gradient.get(0).sign().mul(scalar(0.01)));
            images = torch.clamp_max(torch.clamp_min(ascended, scalar(0)), scalar(1)).requires_grad_(true);
        }
        double after = metric(emoji, Tensors.floats(images), N, shape);
        assertTrue(after > before + 0.2, "SSIM " + before + " before gradient ascent, " + after + " after");
    }
}
