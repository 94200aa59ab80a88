package dev.regen.train;

import dev.regen.nn.Autocast;
import dev.regen.nn.Noise;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * One optimizer update on a loss, as every training step makes it: the loss is checked before any
 * weight changes, the optimizer's gradients are zeroed right before its own backward pass, so no
 * update applies gradients another pass left. The backward pass and the update run without
 * autocast, whatever precision the forward pass ran in.
 */
final class Descent {
    private Descent() {
    }

    /**
     * Checks {@code loss}, then zero_grad, backward and step.
     *
     * @return the loss
     * @throws TrainingDivergedException when the loss is not finite
     */
    static double step(Optimizer optimizer, Tensor loss, StepContext context) {
        return step(optimizer, loss, context, null, 0);
    }

    /**
     * As {@link #step(Optimizer, Tensor, StepContext)}, clipping the global gradient norm of
     * {@code clipped} to {@code maxNorm} (when above 0) before the step.
     */
    static double step(Optimizer optimizer, Tensor loss, StepContext context, TensorVector clipped, double maxNorm) {
        Noise.Shard shard = Noise.shard();
        double value = loss.item_double();
        if (shard == null) {
            TrainingDivergedException.check(value, context);
        }
        try (Autocast none = Autocast.suspended()) {
            optimizer.zero_grad();
            loss.backward();
            // Data-parallel: the global batch's gradient before any clipping or step (Distributed); a
            // loss diverged on any rank stops every rank here, before the step.
            if (shard != null
                    && !Distributed.current().averageGradients(optimizer, shard.share(), Double.isFinite(value))) {
                TrainingDivergedException.check(Double.isFinite(value) ? Double.NaN : value, context);
            }
            if (maxNorm > 0) {
                torch.clip_grad_norm_(clipped, maxNorm);
            }
            optimizer.step();
        }
        return value;
    }
}
