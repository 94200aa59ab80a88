package dev.regen.cli;

import dev.regen.config.DataConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** Options that say where images come from and what shape they are converted to. */
final class DataOptions {
    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "IDX file or folder (plain or .gz), .npy array (NHW, NHWC or NCHW), or a folder of "
                    + "PNG/JPEG/BMP/GIF/TIFF/WebP images (sub-folders are class labels)")
    String path;

    @Option(names = "--size", paramLabel = "HxW", description = "resize images, e.g. 32 or 64x48 (default: as stored)")
    String size;

    @Option(names = "--channels", paramLabel = "C", description = "convert to C channels (default: as stored)")
    int channels;

    @Option(names = "--test-data", paramLabel = "PATH", description = "separate test set (default: the t10k/test "
            + "files beside IDX data, else a held-out fraction)")
    String testPath;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.1",
            description = "fraction held out for testing when there is no test set (default: ${DEFAULT-VALUE})")
    double testFraction;

    @Option(names = "--strict", description = "fail on unreadable files in image folders instead of skipping them")
    boolean strict;

    @Option(names = "--labels", split = ",", paramLabel = "L,L...",
            description = "keep only the images of these class labels, in training and test set alike (a one-class "
                    + "model for 'regen anomaly' trains on one)")
    List<Integer> labels;

    @Option(names = "--per-class", paramLabel = "N", defaultValue = "0",
            description = "train on N images of each class, a draw seeded by --seed (0, the default: all)")
    int perClass;

    @Option(names = "--add-train", paramLabel = "PATH",
            description = "add these labelled images to the training set, read like --data (what 'regen augment' "
                    + "writes: a folder per class, named by label number)")
    String addTrain;

    @Option(names = "--target", paramLabel = "DIR",
            description = "pix2pix and cyclegan: the target domain's images (pix2pix: paired by file name with "
                    + "those of --data; cyclegan: unpaired), the images of --data read at their size, --size and "
                    + "--channels applying to them; train/ and test/ sub-folders in both, or neither")
    String targetPath;

    @Option(names = "--input-channels", paramLabel = "C", defaultValue = "0",
            description = "pix2pix and cyclegan: convert the images of --data to C channels, such as 1 to learn to "
                    + "colourise grey images (default: their own)")
    int inputChannels;

    @Mixin
    BackgroundOption background;

    /** The data settings; {@code unpaired} for a model that trains on unpaired domains (CycleGAN). */
    DataConfig toConfig(boolean unpaired) {
        int[] hw = Sizes.parse(size);
        return new DataConfig(path, channels, hw[0], hw[1], testPath, testFraction, strict, background.colour,
                labels, perClass, addTrain, targetPath, unpaired && targetPath != null, inputChannels);
    }
}
