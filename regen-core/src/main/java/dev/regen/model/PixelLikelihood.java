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
     */
    private static Tensor discretisedLogistic(Tensor x, Tensor mean, Tensor logScale) {
        Tensor inverseScale = logScale.neg().exp();
        Tensor centred = x.sub(mean);
        Tensor plus = centred.add(scalar(HALF_BIN)).mul(inverseScale);
        Tensor minus = centred.sub(scalar(HALF_BIN)).mul(inverseScale);
        Tensor logCdfPlus = torch.log_sigmoid(plus);                 // log P(X <= x + h), for x = 0
        Tensor logOneMinusCdfMinus = torch.log_sigmoid(minus.neg()); // log P(X > x - h), for x = 1
        Tensor cdfDelta = plus.sigmoid().sub(minus.sigmoid());
        // Where the bin's mass underflows, use the density at the bin centre times the bin width:
        // log f(u) = u - log s + 2 log sigmoid(-u), u = (x - mean) / s.
        Tensor mid = centred.mul(inverseScale);
        Tensor logPdfMid = mid.sub(logScale).add(torch.log_sigmoid(mid.neg()).mul(scalar(2.0)))
                .add(scalar(Math.log(2 * HALF_BIN)));
        Tensor logDelta = torch.where(torch.gt(cdfDelta, scalar(1e-5)),
                torch.clamp_min(cdfDelta, scalar(1e-12)).log(), logPdfMid);
        Tensor upper = torch.where(torch.gt(x, scalar(1 - HALF_BIN)), logOneMinusCdfMinus, logDelta);
        return torch.where(torch.lt(x, scalar(HALF_BIN)), logCdfPlus, upper);
    }
}
