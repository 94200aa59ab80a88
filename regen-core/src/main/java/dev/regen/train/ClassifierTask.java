package dev.regen.train;

import dev.regen.config.TrainConfig;
import dev.regen.data.ImageDataset;
import dev.regen.eval.ClassifierEvaluator;
import dev.regen.io.ModelFile;
import dev.regen.model.Classifier;
import dev.regen.model.Network;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
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
                new Adam(classifier.parameters(), new AdamOptions(config.learningRate())));
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
        Tensor loss = classifier.loss(images, labels);
        double value = TrainingDivergedException.check(loss.item_double(), context);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return new double[]{value};
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
