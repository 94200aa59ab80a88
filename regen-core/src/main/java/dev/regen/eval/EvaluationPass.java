package dev.regen.eval;

import dev.regen.data.Batch;
import dev.regen.data.BatchLoader;
import dev.regen.data.ImageDataset;
import dev.regen.model.Network;
import dev.regen.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

import java.util.stream.IntStream;

/**
 * One pass of a trained network over a dataset, the way every evaluation runs it: in evaluation
 * mode (batch norm uses its running statistics, dropout is off), without gradients, images in
 * their stored order, and the native memory of each batch freed before the next.
 */
final class EvaluationPass {
    private EvaluationPass() {
    }

    /** What is done with one batch: its images as a tensor [B, C, H, W] and the batch itself (labels, count). */
    interface BatchWork {
        void accept(Tensor images, Batch batch);
    }

    /** Runs {@code work} on every image of {@code data}, {@code batchSize} at a time; restores training mode after. */
    static void run(Network model, ImageDataset data, int batchSize, BatchWork work) {
        model.evaluationMode(true);
        try (NoGradGuard noGrad = new NoGradGuard();
             BatchLoader batches = new BatchLoader(data, IntStream.range(0, data.size()).toArray(), batchSize)) {
            while (batches.hasNext()) {
                Batch b = batches.next();
                try (PointerScope scope = new PointerScope()) {
                    work.accept(Tensors.images(b.pixels(), b.count(), data.shape()), b);
                }
            }
        } finally {
            model.evaluationMode(false);
        }
    }
}
