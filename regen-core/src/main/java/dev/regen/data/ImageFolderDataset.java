package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A folder of image files, read from disk on demand so that folders larger than memory work.
 *
 * <p>When every image sits in a sub-folder, the sub-folders' sorted names are the class labels.
 * Files that are not images, or whose header no reader understands, are skipped and counted, or
 * rejected in strict mode.
 */
public final class ImageFolderDataset implements ImageDataset {
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff",
            ".webp");

    private final Path root;
    private final List<Path> files;
    private final int[] labels;
    private final List<String> classNames;
    private final ImageShape shape;
    private final int skipped;

    private ImageFolderDataset(Path root, List<Path> files, int[] labels, List<String> classNames, ImageShape shape,
                               int skipped) {
        this.root = root;
        this.files = files;
        this.labels = labels;
        this.classNames = classNames;
        this.shape = shape;
        this.skipped = skipped;
    }

    /**
     * Scans {@code root}.
     *
     * @param target maps the first image's shape to the shape every image is converted to
     * @param strict fail on the first file that is not a readable image instead of skipping it
     */
    public static ImageFolderDataset open(Path root, UnaryOperator<ImageShape> target, boolean strict) {
        List<Path> candidates;
        try (Stream<Path> walk = Files.walk(root)) {
            candidates = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new RegenException("cannot list " + root + ": " + e.getMessage(), e);
        }
        List<Path> images = new ArrayList<>();
        ImageShape first = null;
        int skipped = 0;
        for (Path file : candidates) {
            ImageShape probed = hasImageExtension(file) ? ImageDecoder.probe(file) : null;
            if (probed == null) {
                if (strict) {
                    throw new RegenException(file + " is not a readable " + ImageDecoder.FORMATS
                            + " image of at most 4096 x 4096 pixels (strict mode)");
                }
                skipped++;
                continue;
            }
            first = first == null ? probed : first;
            images.add(file);
        }
        if (images.isEmpty()) {
            throw new RegenException(root + " holds no readable images" + (skipped > 0 ? " (" + skipped + " files skipped)" : ""));
        }
        boolean labelled = images.stream().allMatch(p -> !p.getParent().equals(root));
        List<String> classNames = labelled
                ? images.stream().map(p -> root.relativize(p).getName(0).toString()).distinct().sorted().toList()
                : List.of();
        int[] labels = labelled
                ? images.stream().mapToInt(p -> classNames.indexOf(root.relativize(p).getName(0).toString())).toArray()
                : null;
        return new ImageFolderDataset(root, List.copyOf(images), labels, classNames, target.apply(first), skipped);
    }

    /** Whether the file name ends in an image extension this reader knows. */
    public static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** Files that were not readable images and were left out. */
    public int skipped() {
        return skipped;
    }

    /** Names of the classes, in label order; empty when unlabelled. */
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        ImageDecoder.Decoded image = ImageDecoder.read(files.get(index));
        float[] converted = PixelOps.convert(image.pixels(), image.shape(), shape);
        System.arraycopy(converted, 0, dst, offset, converted.length);
    }

    @Override
    public int classes() {
        return classNames.size();
    }

    @Override
    public int label(int index) {
        return labels == null ? -1 : labels[index];
    }

    @Override
    public String source() {
        return root.toString();
    }
}
