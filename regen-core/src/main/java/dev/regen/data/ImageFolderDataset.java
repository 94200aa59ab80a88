package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.Background;
import dev.regen.config.ImageShape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
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
    private final Background background;
    private final int skipped;
    private final List<String> adjustments;

    private ImageFolderDataset(Path root, List<Path> files, int[] labels, List<String> classNames, ImageShape shape,
                               Background background, int skipped, List<String> adjustments) {
        this.root = root;
        this.files = files;
        this.labels = labels;
        this.classNames = classNames;
        this.shape = shape;
        this.background = background;
        this.skipped = skipped;
        this.adjustments = adjustments;
    }

    /**
     * Scans {@code root}, labelling images by their sub-folders' sorted names.
     *
     * @param target     maps the folder's own shape (the first image's size; colour if any image
     *                   is colour) to the shape every image is converted to
     * @param strict     fail on the first file that is not a readable image instead of skipping it
     * @param background what transparent pixels are composited onto
     */
    public static ImageFolderDataset open(Path root, UnaryOperator<ImageShape> target, boolean strict,
                                          Background background) {
        return open(root, target, strict, background, null);
    }

    /**
     * Scans {@code root} as {@link #open(Path, UnaryOperator, boolean, Background)}, labelling
     * images by {@code classes} (another part of the same data's class names, so that a test
     * set's labels mean what its training set's do), or by its own sub-folders when null.
     */
    static ImageFolderDataset open(Path root, UnaryOperator<ImageShape> target, boolean strict, Background background,
                                   List<String> classes) {
        List<Path> candidates;
        // Linked folders are followed (a folder of links to a split is how users assemble data); a
        // link that loops back is refused rather than walked for ever.
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            candidates = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new RegenException("cannot list " + root + ": " + (e instanceof UncheckedIOException u
                    ? u.getCause() : e).getMessage(), e);
        }
        List<Path> images = new ArrayList<>();
        List<ImageShape> shapes = new ArrayList<>();
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
            shapes.add(probed);
            images.add(file);
        }
        if (images.isEmpty()) {
            throw new RegenException(root + " holds no readable images" + (skipped > 0 ? " (" + skipped + " files skipped)" : ""));
        }
        boolean labelled = images.stream().allMatch(p -> !p.getParent().equals(root));
        List<String> classNames = !labelled ? List.of() : classes != null ? classes
                : images.stream().map(p -> root.relativize(p).getName(0).toString()).distinct().sorted().toList();
        int[] labels = labelled ? labels(root, images, classNames) : null;
        boolean colour = shapes.stream().anyMatch(p -> p.channels() > 1);
        ImageShape shape = target.apply(new ImageShape(colour ? 3 : 1, shapes.get(0).height(), shapes.get(0).width()));
        return new ImageFolderDataset(root, List.copyOf(images), labels, classNames, shape, background, skipped,
                adjustments(shapes, shape));
    }

    private static int[] labels(Path root, List<Path> images, List<String> classNames) {
        int[] labels = new int[images.size()];
        for (int i = 0; i < labels.length; i++) {
            String name = root.relativize(images.get(i)).getName(0).toString();
            labels[i] = classNames.indexOf(name);
            if (labels[i] < 0) {
                throw new RegenException(images.get(i) + " is in a class, " + name + ", that the training images do "
                        + "not have (they have " + String.join(", ", classNames) + ")");
            }
        }
        return labels;
    }

    /** What reading converts, one line each: sizes resized, channels expanded or converted. */
    private static List<String> adjustments(List<ImageShape> shapes, ImageShape target) {
        long resized = shapes.stream().filter(s -> s.height() != target.height() || s.width() != target.width()).count();
        long expanded = shapes.stream().filter(s -> s.channels() < target.channels()).count();
        long reduced = shapes.stream().filter(s -> s.channels() > target.channels()).count();
        List<String> lines = new ArrayList<>();
        if (resized > 0) {
            lines.add(resized + " of " + shapes.size() + " images resized to " + target.height() + "x" + target.width());
        }
        if (expanded > 0) {
            lines.add(expanded + " images of fewer channels expanded to " + target.channels());
        }
        if (reduced > 0) {
            lines.add(reduced + " images of more channels converted to " + target.channels());
        }
        return List.copyOf(lines);
    }

    /** How reading changes the images to the one shape, one line per kind of change; empty when it changes none. */
    public List<String> adjustments() {
        return adjustments;
    }

    /** Whether the file name ends in an image extension this reader knows. */
    public static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** The file name of image {@code index} without its extension: what pairs it with its counterpart in another folder. */
    public String name(int index) {
        String file = files.get(index).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** Files that were not readable images and were left out. */
    public int skipped() {
        return skipped;
    }

    @Override
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
        ImageDecoder.Decoded image = ImageDecoder.read(files.get(index), background);
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
