package dev.regen.train;

import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.TrainConfig;
import dev.regen.model.Gan;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Replays bench/dcgan_trace.py's steps through Regen's own DCGAN training step: the reference's
 * initial weights and real batches, and libtorch's generator seeded as the reference seeds
 * PyTorch's, so both draw the same noise. Prints one JSON line per step, as the reference does.
 * It lives in the trainer's package to drive the step a run takes ({@code TrainingSteps}).
 *
 * <p>Arguments: FOLDER (what dcgan_trace.py wrote, the image shape in its shape.txt) FILTERS LATENT BATCH STEPS
 * NOISE_SEED.
 */
public class DcganTrace {
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int[] chw = Arrays.stream(Files.readString(folder.resolve("shape.txt")).trim().split(" "))
                .mapToInt(Integer::parseInt).toArray();
        ImageShape shape = new ImageShape(chw[0], chw[1], chw[2]);
        int filters = Integer.parseInt(args[1]);
        int latent = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        int steps = Integer.parseInt(args[4]);
        long noiseSeed = Long.parseLong(args[5]);
        Torch.start(1);
        Gan gan = new Gan(new ModelConfig(ModelKind.DCGAN, shape, latent, Likelihood.BERNOULLI, filters, 0));
        load(gan.generatorParameters(), floats(folder.resolve("generator.f32")));
        load(gan.discriminatorParameters(), floats(folder.resolve("discriminator.f32")));
        float[] batches = floats(folder.resolve("batches.f32"));
        TrainConfig config = TrainConfig.builder().epochs(1).batchSize(batch).learningRate(2e-4).seed(1).threads(1)
                .build();
        TrainingTask task = TrainingSteps.create(gan, config);
        Torch.seed(noiseSeed);
        int imageSize = shape.size();
        for (int step = 0; step < steps; step++) {
            try (PointerScope scope = new PointerScope()) {
                float[] pixels = Arrays.copyOfRange(batches, step * batch * imageSize, (step + 1) * batch * imageSize);
                double[] losses = task.step(Tensors.images(pixels, batch, shape), null, new StepContext(step, 1, 0));
                System.out.printf(Locale.ROOT, "{\"step\": %d, \"d\": %.7f, \"g\": %.7f}%n", step + 1, losses[0], losses[1]);
            }
        }
    }

    /** Copies the values, in order, into the parameters, which must take all of them. */
    private static void load(TensorVector parameters, float[] values) {
        int at = 0;
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (Tensor p : List.of(parameters.get())) {
                int n = (int) p.numel();
                p.copy_(Tensor.create(Arrays.copyOfRange(values, at, at + n), p.sizes().vec().get()));
                at += n;
            }
        }
        if (at != values.length) {
            throw new IllegalStateException("parameters hold " + at + " values, the file " + values.length);
        }
    }

    private static float[] floats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
