package dev.regen.config;

import dev.regen.RegenException;

import java.util.List;

/**
 * Where the training data comes from and how it is prepared.
 *
 * @param path         an IDX file or folder, an NPY file, or an image folder
 * @param channels     channel count images are converted to, or 0 to keep their own
 * @param height       height images are resized to, or 0 to keep their own
 * @param width        width images are resized to, or 0 to keep their own
 * @param testPath     a separate test set, or null to use the one beside the data or hold some out
 * @param testFraction fraction held out as a test set when no test set is available
 * @param strict       fail on unreadable files in image folders instead of skipping them
 * @param background   what transparent pixels are composited onto (null, as in files written
 *                     before it existed: white)
 * @param labels       the class labels kept, in training and test set alike (a one-class model for
 *                     anomaly detection trains on one), or null (as in files written before it
 *                     existed) for all images
 * @param perClass     training images kept per class, a seeded draw (the run's seed) from those
 *                     labels, as a small-data protocol trains on; 0 for all
 * @param addTrain     labelled images added to the training set after the draw, such as the
 *                     synthetic ones {@code regen augment} writes, or null
 * @param targetPath   translation models: the folder of target images, paired by file name with
 *                     the input images at {@code path} (read at the targets' size, with their own
 *                     channels); {@code channels}, {@code height} and {@code width} then describe the
 *                     targets; null for other models
 * @param unpaired     translation models trained on unpaired images (CycleGAN): the two folders'
 *                     images are not matched by name, and each holds its own test set out
 * @param inputChannels translation models: the channel count the images at {@code path} are
 *                     converted to (1 to colourise grey images), or 0 to keep their own
 */
public record DataConfig(String path, int channels, int height, int width, String testPath, double testFraction,
                         boolean strict, Background background, List<Integer> labels, int perClass,
                         String addTrain, String targetPath, boolean unpaired, int inputChannels) {
    /** Validates the fields. */
    public DataConfig {
        Check.present("data", path);
        Check.range("channels", channels, 0, 64);
        Check.range("height", height, 0, 4096);
        Check.range("width", width, 0, 4096);
        Check.range("test fraction", testFraction, 0.0, 0.9);
        background = background == null ? Background.WHITE : background;
        if (labels != null) {
            labels = List.copyOf(labels);
            if (labels.isEmpty()) {
                throw new RegenException("labels: give at least one class label, or none to keep all images");
            }
            labels.forEach(label -> Check.range("label", label, 0, 1_000_000));
        }
        Check.range("images per class", perClass, 0, 100_000_000);
        Check.range("input channels", inputChannels, 0, 64);
        if ((unpaired || inputChannels > 0) && targetPath == null) {
            throw new RegenException("unpaired data and input channels belong to translation models: give a target "
                    + "folder");
        }
        if (targetPath != null && (labels != null || perClass > 0 || addTrain != null || testPath != null)) {
            throw new RegenException("paired images (a target folder) take no class labels, draws per class, added "
                    + "images or separate test set: give each folder train/ and test/ sub-folders instead");
        }
    }

    /** Data of a model that does not translate. */
    public DataConfig(String path, int channels, int height, int width, String testPath, double testFraction,
                      boolean strict, Background background, List<Integer> labels, int perClass, String addTrain) {
        this(path, channels, height, width, testPath, testFraction, strict, background, labels, perClass, addTrain,
                null, false, 0);
    }

    /** Data read as it is, with a tenth held out when it has no test set. */
    public static DataConfig of(String path) {
        return new DataConfig(path, 0, 0, 0, null, 0.1, false, Background.WHITE, null, 0, null);
    }

    /** The same data read at {@code shape}, whatever its images' own: how a model's own data is read again. */
    public DataConfig at(ImageShape shape) {
        return new DataConfig(path, shape.channels(), shape.height(), shape.width(), testPath, testFraction, strict,
                background, labels, perClass, addTrain, targetPath, unpaired, inputChannels);
    }

    /** The shape images of shape {@code own} are converted to. */
    public ImageShape target(ImageShape own) {
        return new ImageShape(channels > 0 ? channels : own.channels(), height > 0 ? height : own.height(),
                width > 0 ? width : own.width());
    }
}
