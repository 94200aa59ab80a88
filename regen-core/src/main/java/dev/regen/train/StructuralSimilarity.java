package dev.regen.train;

import dev.regen.eval.metric.ImageQuality;
import dev.regen.nn.Autocast;
import dev.regen.nn.Torch;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import static dev.regen.nn.Tensors.scalar;

/**
 * SSIM (Wang et al. 2004, equation 13) as a differentiable training loss: the mean of the local SSIM
 * map of a batch against its targets, with the window and constants of the metric
 * ({@link ImageQuality#ssim}), so that a network trained on 1 - SSIM is trained on the score it is
 * judged by. Zhao et al. 2017 ("Loss functions for image restoration with neural networks") find L1
 * plus SSIM terms better than either alone. The local means, variances and covariance are one
 * depthwise convolution of the five maps x, y, x^2, y^2, xy over the positions where the window
 * fits, in fp32 whatever the step's precision (a variance as E[x^2] - E[x]^2 is lost in bfloat16).
 */
final class StructuralSimilarity {
    private StructuralSimilarity() {
    }

    /** The mean SSIM of {@code images} against {@code targets}, both [N, C, H, W] in [0, 1]: 1 where they agree. */
    static Tensor mean(Tensor images, Tensor targets) {
        try (Autocast fp32 = Autocast.suspended()) {
            long h = images.size(2);
            long w = images.size(3);
            double[] window = ImageQuality.ssimWindow((int) h, (int) w);
            int size = ImageQuality.ssimWindowSize((int) h, (int) w);
            float[] weights = new float[window.length];
            for (int i = 0; i < window.length; i++) {
                weights[i] = (float) window[i];
            }
            Tensor kernel = Torch.toDevice(Tensor.create(weights, 1, 1, size, size));
            Tensor x = images.to(torch.ScalarType.Float).reshape(-1, 1, h, w);
            Tensor y = targets.to(torch.ScalarType.Float).reshape(-1, 1, h, w);
            long planes = x.size(0);
            Tensor maps = torch.cat(new TensorVector(x, y, x.mul(x), y.mul(y), x.mul(y)), 0);
            Tensor local = torch.conv2d(maps, kernel, new TensorOptional(), new long[]{1, 1}, new long[]{0, 0},
                    new long[]{1, 1}, 1);
            Tensor meanX = local.narrow(0, 0, planes);
            Tensor meanY = local.narrow(0, planes, planes);
            Tensor meanXy = meanX.mul(meanY);
            Tensor squares = meanX.mul(meanX).add(meanY.mul(meanY));
            Tensor variances = local.narrow(0, 2 * planes, planes).add(local.narrow(0, 3 * planes, planes))
                    .sub(squares);
            Tensor covariance = local.narrow(0, 4 * planes, planes).sub(meanXy);
            Tensor similarity = meanXy.mul(scalar(2)).add(scalar(ImageQuality.SSIM_C1))
                    .mul(covariance.mul(scalar(2)).add(scalar(ImageQuality.SSIM_C2)))
                    .div(squares.add(scalar(ImageQuality.SSIM_C1)).mul(variances.add(scalar(ImageQuality.SSIM_C2))));
            return similarity.mean();
        }
    }
}
