package dev.regen.eval.metric;

/**
 * How close generated images come to real ones, measured on a classifier's features.
 *
 * @param images         images of each kind compared
 * @param frechet        Frechet distance of the feature distributions (0 for identical)
 * @param kernelDistance KID, unbiased squared MMD with a cubic kernel (about 0 for identical)
 * @param precision      fraction of generated images that fall on the real manifold
 * @param recall         fraction of real images that fall on the generated manifold
 * @param labelAccuracy  for a conditional model, the classifier's accuracy on the generated images
 *                       of each label (index = label); empty otherwise
 */
public record GenerationScore(int images, double frechet, double kernelDistance, double precision, double recall,
                              double[] labelAccuracy) {
}
