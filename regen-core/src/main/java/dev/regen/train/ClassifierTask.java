package dev.regen.train;

import dev.regen.config.TrainConfig;
import dev.regen.data.ImageDataset;
import dev.regen.eval.ClassifierEvaluator;
import dev.regen.io.ModelFile;
import dev.regen.model.Classifier;
import dev.regen.model.Network;
import dev.regen.nn.Adams;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Trains a classifier with Adam on the cross-entropy of its labels. */
final class ClassifierTask implements TrainingTask {
    private final Classifier classifier;
    private final Optimizers optimizers = new Optimizers();
    private final Adam optimizer;

    ClassifierTask(Classifier classifier, TrainConfig config) {
        this.classifier = classifier;
        this.optimizer = optimizers.add(ModelFile.OPTIMIZER,
                Adams.adam(classifier.parameters(), config.optimisation().learningRate(), 0.9, 0.999));
    }

    @Override
    public Network model() {
        return classifier;
    }

    @Override
    public List<String> lossNames() {
        return List.of("loss");
    }

    @Override
    public double[] step(Tensor images, Tensor labels, StepContext context) {
        return new double[]{Descent.step(optimizer, classifier.loss(images, labels), context)};
    }

    @Override
    public Map<String, Double> evaluate(ImageDataset test, long seed) {
        ClassifierEvaluator.Accuracy accuracy = ClassifierEvaluator.accuracy(classifier, test);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", accuracy.loss());
        metrics.put("accuracy", accuracy.accuracy());
        return metrics;
    }

    @Override
    public Optimizers optimizers() {
        return optimizers;
    }

    @Override
    public String report(RunFiles files, ImageDataset train, ImageDataset test, List<EpochMetrics> history, long seed,
                         double seconds) {
        RunReport.lossCurve(files, history, "loss");
        ClassifierEvaluator.Accuracy accuracy = ClassifierEvaluator.accuracy(classifier, test);
        return RunReport.summary(files, classifier, train, test, history, seconds, String.format(Locale.ROOT,
                "test accuracy  %.2f%% (%d images), cross-entropy %.4f%n", 100 * accuracy.accuracy(), test.size(),
                accuracy.loss()));
    }
}
