package dev.regen.train;

import dev.regen.RegenException;

/** A loss became NaN or infinite; training stopped before the bad step changed the weights. */
public final class TrainingDivergedException extends RegenException {
    private static final long serialVersionUID = 1L;

    /** Reports the step and epoch at which the loss stopped being finite. */
    public TrainingDivergedException(long step, int epoch, double loss) {
        super("training diverged: the loss was " + loss + " at step " + step + " (epoch " + epoch
                + "); try a lower learning rate or gradient clipping; the last checkpoint is kept");
    }

    /** Returns {@code loss} when it is finite, else throws with the 1-based step. */
    static double check(double loss, StepContext context) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(context.step() + 1, context.epoch(), loss);
        }
        return loss;
    }
}
