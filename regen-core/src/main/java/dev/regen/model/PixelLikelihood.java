package dev.regen.model;

import dev.regen.config.Likelihood;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

import static dev.regen.nn.Tensors.scalar;

/**
 * log p(x|z) summed over the pixels of each image, for each decoder likelihood.
 *
 * <p>The decoder gives one output per pixel. For Bernoulli and Gaussian likelihoods it is a logit
 * and the mean pixel value its sigmoid; for the discretised logistic it is the location, centred
 * on 0.5 and unbounded, as in PixelCNN++ (Salimans et al. 2017): the edge bins take the tails
 * beyond 0 and 1, so a white pixel is best fitted by a location above 1, which a sigmoid can only
 * approach by saturating. On colour emoji (mostly white background) that saturation stalled the
 * decoder at an all-white image, every pixel's gradient vanishing through the sigmoid. Gaussian and
 * logistic likelihoods also take a learned log-scale per channel, shaped [1, C, 1, 1].
 */
final class PixelLikelihood {
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    /** Half the width of one of the 256 levels of an 8-bit pixel mapped to [0, 1]. */
    private static final double HALF_BIN = 1.0 / 510.0;
    private static final long NO_REDUCTION = 0;
    private static final long[] PIXEL_DIMS = {1, 2, 3};

    private PixelLikelihood() {
    }

    /** Per-image log-likelihood [B] of images {@code x} in [0, 1]. */
    static Tensor logProb(Likelihood kind, Tensor x, Tensor logits, Tensor logScale) {
        Tensor perPixel = switch (kind) {
            case BERNOULLI -> torch.binary_cross_entropy_with_logits(logits, x, new TensorOptional(),
                    new TensorOptional(), NO_REDUCTION).neg();
            case GAUSSIAN -> gaussian(x, logits.sigmoid(), logScale);
            case LOGISTIC -> discretisedLogistic(x, logisticLocation(logits), logScale);
        };
        return perPixel.sum(PIXEL_DIMS);
    }

    /** The mean image in [0, 1] for the decoder's outputs. */
    static Tensor mean(Likelihood kind, Tensor outputs) {
        return kind == Likelihood.LOGISTIC
                ? torch.clamp(logisticLocation(outputs), new ScalarOptional(scalar(0.0)), new ScalarOptional(scalar(1.0)))
                : outputs.sigmoid();
    }

    private static Tensor logisticLocation(Tensor outputs) {
        return outputs.add(scalar(0.5));
    }

    /** log N(x; mean, sigma^2) = -((x - mean) / sigma)^2 / 2 - log sigma - log(2 pi) / 2. */
    private static Tensor gaussian(Tensor x, Tensor mean, Tensor logSigma) {
        Tensor z = x.sub(mean).mul(logSigma.neg().exp());
        return z.square().mul(scalar(-0.5)).sub(logSigma).sub(scalar(HALF_LOG_TWO_PI));
    }

    /**
     * Discretised logistic (Salimans et al. 2017, PixelCNN++, eq. 2): the probability mass of the
     * pixel's 1/255-wide bin, with the edge bins taking the tails below 0 and above 1.
     *
     * <p>With a = (x + h - mean) / s and b = (x - h - mean) / s, an inner bin's mass is
     * sigmoid(a) - sigmoid(b) = sigmoid(a) sigmoid(-b) (1 - exp(b - a)), and b - a = -2h / s, so
     * its log is log sigmoid(a) + log sigmoid(-b) + log(1 - exp(-2h / s)): exact at any distance
     * from the location, where the difference of two fp32 sigmoids underflows (PixelCNN++ falls
     * back to the density at the bin centre there), and the last term is one number per channel.
     * The bottom bin's mass is sigmoid(a) alone, the top bin's sigmoid(-b) alone: 14 element-wise
     * passes over the batch instead of the 26 of the form with the fallback.
     */
    private static Tensor discretisedLogistic(Tensor x, Tensor mean, Tensor logScale) {
        Tensor inverseScale = logScale.neg().exp();
        Tensor halfBin = inverseScale.mul(scalar(HALF_BIN));                      // h / s, per channel
        Tensor centred = x.sub(mean).mul(inverseScale);                           // (x - mean) / s
        Tensor logCdfPlus = torch.log_sigmoid(centred.add(halfBin));              // log sigmoid(a)
        Tensor logSurvivalMinus = torch.log_sigmoid(halfBin.sub(centred));        // log sigmoid(-b)
        Tensor logWidthTerm = torch.expm1(halfBin.mul(scalar(-2.0))).neg().log(); // log(1 - exp(-2h / s))
        Tensor belowTop = torch.lt(x, scalar(1 - HALF_BIN));
        Tensor aboveBottom = torch.gt(x, scalar(HALF_BIN));
        return logCdfPlus.mul(belowTop).add(logSurvivalMinus.mul(aboveBottom))
                .add(logWidthTerm.mul(torch.logical_and(belowTop, aboveBottom)));
    }
}
