package dev.regen.sample;

import dev.regen.model.Generative;
import dev.regen.nn.Adams;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

/**
 * Latent codes found by gradient descent on an energy of the code: Adam from several starts per
 * image, the lowest final energy kept (Bora et al. 2017, "Compressed sensing using generative
 * models"). Restoration searches this way for the code that explains damaged images; {@link
 * Inversion} for the code of a whole image under a model without an encoder. The caller freezes
 * the model's weights, so backward passes compute only the codes' gradients.
 */
public final class LatentDescent {
    private LatentDescent() {
    }

    /**
     * The lowest-energy code per image [B, latent].
     *
     * @param energy      the energy of each code [B * restarts] for codes [B * restarts, latent], image
     *                    i's restarts in rows {@code i * restarts} onwards
     * @param firstStarts codes [B, latent] each image's first restart starts from, or null to draw every
     *                    start from the model's prior
     * @param stepDone    told after every step, to move a progress bar
     */
    public static Tensor search(Generative model, long batch, int restarts, int steps, double learningRate,
                                UnaryOperator<Tensor> energy, Tensor firstStarts, IntConsumer stepDone) {
        Tensor z = model.samplePrior(batch * restarts);
        if (firstStarts != null) {
            try (NoGradGuard noGrad = new NoGradGuard()) {
                z.view(batch, restarts, -1).select(1, 0).copy_(firstStarts);
            }
        }
        z.requires_grad_(true);
        Adam adam = Adams.adam(new TensorVector(z), learningRate, 0.9, 0.999);
        for (int step = 0; step < steps; step++) {
            try (PointerScope scope = new PointerScope()) {
                adam.zero_grad();
                energy.apply(z).sum().backward();
                adam.step();
            }
            stepDone.accept(step + 1);
        }
        try (NoGradGuard noGrad = new NoGradGuard()) {
            Tensor best = energy.apply(z).view(batch, restarts).argmin(new LongOptional(1), false);
            Tensor rows = torch.arange(new Scalar(batch), Torch.options()).mul(new Scalar((long) restarts)).add(best);
            return z.index_select(0, rows).detach();
        }
    }
}
