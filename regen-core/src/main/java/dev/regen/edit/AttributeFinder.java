package dev.regen.edit;

import dev.regen.RegenException;
import dev.regen.eval.metric.PrincipalComponents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds latent directions in the codes of images. With labels: for each class, from the mean code
 * of the other images to that of the class (named by the class), and for each pair of classes,
 * from one class mean to the other ({@code a-to-b}), as in Larsen et al. 2016's attribute vectors
 * and White 2016's "Sampling generative networks". Without labels too: the codes' principal
 * directions ({@code pc1}, {@code pc2}, ...), in units of their standard deviation.
 */
public final class AttributeFinder {
    private AttributeFinder() {
    }

    /**
     * The class and class-pair directions of labelled codes.
     *
     * @param codes  rows of {@code latent} values
     * @param labels each row's class in {@code [0, names.size())}
     * @param names  the classes' names, which name the directions
     * @throws RegenException when a class has no images
     */
    public static List<Direction> ofClasses(float[] codes, int latent, int[] labels, List<String> names) {
        int classes = names.size();
        double[][] sums = new double[classes][latent];
        int[] counts = new int[classes];
        double[] total = new double[latent];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]]++;
            for (int k = 0; k < latent; k++) {
                sums[labels[i]][k] += codes[i * latent + k];
                total[k] += codes[i * latent + k];
            }
        }
        double[][] means = new double[classes][latent];
        double[][] others = new double[classes][latent];
        for (int c = 0; c < classes; c++) {
            if (counts[c] == 0 || counts[c] == labels.length) {
                throw new RegenException("class " + names.get(c) + " has " + counts[c] + " of the " + labels.length
                        + " images: each class needs some images, and so do the others");
            }
            for (int k = 0; k < latent; k++) {
                means[c][k] = sums[c][k] / counts[c];
                others[c][k] = (total[k] - sums[c][k]) / (labels.length - counts[c]);
            }
        }
        List<Direction> directions = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            directions.add(between(names.get(c), "from the other images' mean code to " + names.get(c) + "'s",
                    others[c], means[c]));
        }
        for (int a = 0; a < classes; a++) {
            for (int b = 0; b < classes; b++) {
                if (a != b) {
                    directions.add(between(names.get(a) + "-to-" + names.get(b), "from " + names.get(a)
                            + "'s mean code to " + names.get(b) + "'s", means[a], means[b]));
                }
            }
        }
        return directions;
    }

    /** The {@code count} principal directions of the codes, largest variance first, an amount of 1 one standard deviation. */
    public static List<Direction> principal(float[] codes, int latent, int count) {
        PrincipalComponents pca = PrincipalComponents.of(codes, latent);
        List<Direction> directions = new ArrayList<>();
        for (int k = 0; k < Math.min(count, latent); k++) {
            directions.add(new Direction("pc" + (k + 1), String.format(Locale.ROOT,
                    "one standard deviation along the principal direction %d (%.1f%% of the codes' variance)", k + 1,
                    100 * pca.share(k)), Math.sqrt(pca.variances()[k]), floats(pca.directions()[k])));
        }
        return directions;
    }

    private static Direction between(String name, String meaning, double[] from, double[] to) {
        double[] difference = new double[from.length];
        double length = 0;
        for (int k = 0; k < from.length; k++) {
            difference[k] = to[k] - from[k];
            length += difference[k] * difference[k];
        }
        length = Math.sqrt(length);
        for (int k = 0; k < from.length; k++) {
            difference[k] = length == 0 ? 0 : difference[k] / length;
        }
        return new Direction(name, meaning, length, floats(difference));
    }

    private static float[] floats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }
}
