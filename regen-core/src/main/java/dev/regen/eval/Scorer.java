package dev.regen.eval;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import dev.regen.data.ArrayDataset;
import dev.regen.data.ImageDataset;
import dev.regen.data.Shuffle;
import dev.regen.data.Subset;
import dev.regen.eval.metric.FeatureMetrics;
import dev.regen.eval.metric.GenerationScore;
import dev.regen.model.Classifier;
import dev.regen.model.Generative;
import dev.regen.sample.Sampler;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Scores a generative model against real images through a classifier's features: Frechet
 * distance, kernel distance, precision and recall, and per-label accuracy for conditional models.
 */
public final class Scorer {
    private static final int GENERATE_BATCH = 500;
    private static final int KID_SUBSETS = 10;
    private static final int KID_SUBSET_SIZE = 1000;
    private static final int NEIGHBOURS = 3;

    private Scorer() {
    }

    /**
     * Scores {@code n} images of {@code model} against the first {@code n} images of {@code real}.
     *
     * @param real images of the classifier's shape
     */
    public static GenerationScore score(Generative model, Classifier classifier, ImageDataset real, int n, long seed) {
        int count = Math.min(n, real.size());
        return scoreImages(samples(model, classifier, count, seed), classifier, real, count, seed);
    }

    /**
     * {@code count} images of {@code model} for scoring with {@code classifier}, seeded; a
     * conditional model's labels cycle through its classes, and the images keep them.
     *
     * @throws RegenException when the model makes images the classifier cannot score
     */
    public static ImageDataset samples(Generative model, Classifier classifier, int count, long seed) {
        ImageShape shape = classifier.config().shape();
        if (!model.config().shape().equals(shape)) {
            throw new RegenException("the classifier was trained on " + shape + " images; the model makes "
                    + model.config().shape() + " images");
        }
        int classes = model.config().classes();
        if (classes > classifier.config().classes()) {
            throw new RegenException("the model has " + classes + " classes, the classifier only "
                    + classifier.config().classes());
        }
        int[] labels = classes == 0 ? null : IntStream.range(0, count).map(i -> i % classes).toArray();
        return new ArrayDataset(shape, generate(model, count, labels, seed), labels, "generated");
    }

    /**
     * Scores the first {@code n} images of {@code generated}, made by any tool, against the first
     * {@code n} of {@code real}, as pytorch-fid compares two folders; with labels (a folder of class
     * sub-folders, in the classifier's class order) it also gives each label's accuracy.
     *
     * @param generated images of the classifier's shape
     * @param real      images of the classifier's shape
     */
    public static GenerationScore scoreImages(ImageDataset generated, Classifier classifier, ImageDataset real, int n,
                                              long seed) {
        ImageShape shape = classifier.config().shape();
        if (!generated.shape().equals(shape)) {
            throw new RegenException("the classifier was trained on " + shape + " images; the generated images are "
                    + generated.shape());
        }
        if (generated.classes() > classifier.config().classes()) {
            throw new RegenException("the generated images have " + generated.classes() + " classes, the classifier "
                    + "only " + classifier.config().classes());
        }
        int count = Math.min(n, Math.min(real.size(), generated.size()));
        float[] realFeatures = ClassifierEvaluator.features(classifier, sample(real, count, seed));
        return compare(realFeatures, sample(generated, count, seed + 1), classifier, seed);
    }

    /**
     * {@code n} of {@code images}, all of them in order when there are no more, else a seeded
     * random choice: folders come sorted by class, and their first images would be of a few classes.
     */
    static ImageDataset sample(ImageDataset images, int n, long seed) {
        if (n >= images.size()) {
            return images;
        }
        int[] chosen = Arrays.copyOf(Shuffle.permutation(images.size(), new Random(seed)), n);
        Arrays.sort(chosen);   // read in file order
        return new Subset(images, chosen, n + " chosen at random");
    }

    /** The scores of {@code fake} against real features, with each label's accuracy when {@code fake} has labels. */
    private static GenerationScore compare(float[] realFeatures, ImageDataset fake, Classifier classifier, long seed) {
        float[] fakeFeatures = ClassifierEvaluator.features(classifier, fake);
        int classes = fake.classes();
        double[] accuracy = new double[0];
        if (classes > 0) {
            int[] labels = IntStream.range(0, fake.size()).map(fake::label).toArray();
            accuracy = labelAccuracy(ClassifierEvaluator.predict(classifier, fakeFeatures, fake.size()), labels,
                    classes);
        }
        return compare(realFeatures, fakeFeatures, classifier.config().latent(), seed, accuracy);
    }

    /**
     * The memorisation ratio of {@code generated} images (see {@link FeatureMetrics#memorisation}):
     * their median distance, on the classifier's features, to the nearest of all {@code train}
     * images, over that of {@code n} {@code heldOut} real images (the generated and held-out sets
     * a seeded random choice of {@code n} when they hold more).
     */
    public static double memorisation(ImageDataset generated, ImageDataset heldOut, ImageDataset train,
                                      Classifier classifier, int n, long seed) {
        int d = classifier.config().latent();
        return FeatureMetrics.memorisation(
                ClassifierEvaluator.features(classifier, sample(generated, n, seed + 1)),
                ClassifierEvaluator.features(classifier, sample(heldOut, n, seed)),
                ClassifierEvaluator.features(classifier, train), d);
    }

    /** The distances between two feature sets of width {@code d}. */
    public static GenerationScore compare(float[] real, float[] fake, int d, long seed, double[] labelAccuracy) {
        double[] pr = FeatureMetrics.precisionRecall(real, fake, d, NEIGHBOURS);
        return new GenerationScore(Math.min(real.length, fake.length) / d, FeatureMetrics.frechet(real, fake, d),
                FeatureMetrics.kernelDistance(real, fake, d, KID_SUBSETS, KID_SUBSET_SIZE, seed), pr[0], pr[1],
                labelAccuracy);
    }

    private static float[] generate(Generative model, int count, int[] labels, long seed) {
        int size = model.config().shape().size();
        float[] images = new float[count * size];
        for (int start = 0; start < count; start += GENERATE_BATCH) {
            int m = Math.min(GENERATE_BATCH, count - start);
            int[] batchLabels = labels == null ? null : Arrays.copyOfRange(labels, start, start + m);
            float[] batch = Sampler.sample(model, m, seed + start, batchLabels);
            System.arraycopy(batch, 0, images, start * size, batch.length);
        }
        return images;
    }

    private static double[] labelAccuracy(int[] predicted, int[] labels, int classes) {
        double[] correct = new double[classes];
        double[] total = new double[classes];
        for (int i = 0; i < labels.length; i++) {
            total[labels[i]]++;
            correct[labels[i]] += predicted[i] == labels[i] ? 1 : 0;
        }
        for (int c = 0; c < classes; c++) {
            correct[c] = total[c] == 0 ? Double.NaN : correct[c] / total[c];
        }
        return correct;
    }
}
