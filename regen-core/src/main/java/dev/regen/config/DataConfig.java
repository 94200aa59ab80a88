package dev.regen.config;

/**
 * Where the training data comes from and how it is prepared.
 *
 * @param path         an IDX file or folder, an NPY file, or an image folder
 * @param shape        shape images are converted to, or null to keep their own
 * @param testPath     a separate test set, or null to use the one beside the data or hold some out
 * @param testFraction fraction held out as a test set when no test set is available
 * @param strict       fail on unreadable files in image folders instead of skipping them
 */
public record DataConfig(String path, ImageShape shape, String testPath, double testFraction, boolean strict) {
    /** Validates the fields. */
    public DataConfig {
        Check.present("data", path);
        Check.range("test-fraction", testFraction, 0.0, 0.9);
    }
}
