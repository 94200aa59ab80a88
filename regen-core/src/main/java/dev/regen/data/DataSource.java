package dev.regen.data;

import dev.regen.RegenException;
import dev.regen.config.Background;
import dev.regen.config.DataConfig;
import dev.regen.config.ImageShape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Opens whatever a user points {@code --data} at, by looking at it.
 *
 * <ul>
 *   <li>an IDX image file (plain or .gz), with its sibling label file when there is one;</li>
 *   <li>a folder of IDX files, such as the Fashion-MNIST package: {@code train-*} and
 *       {@code t10k-*}/{@code test-*} become the training and test sets;</li>
 *   <li>an {@code .npy} array of images;</li>
 *   <li>a single PNG, JPEG, BMP, GIF, TIFF or WebP image;</li>
 *   <li>a folder holding {@code train} and {@code test} image folders: the training and test
 *       sets, labelled alike by the training set's sub-folders;</li>
 *   <li>any other folder: image files, streamed from disk, sub-folders as labels.</li>
 * </ul>
 * Images with alpha are composited onto the data's background.
 */
public final class DataSource {
    private DataSource() {
    }

    /**
     * The loaded data.
     *
     * @param train       the training images (all images when there is no separate test set)
     * @param test        the test images shipped beside them, if any
     * @param skipped     files skipped as unreadable
     * @param adjustments how reading changed images to the one shape (resized, channels
     *                    converted), one line each
     */
    public record Loaded(ImageDataset train, Optional<ImageDataset> test, int skipped, List<String> adjustments) {
    }

    /**
     * Opens {@code path}.
     *
     * @param target     maps the data's own shape to the shape images are converted to
     * @param strict     fail on unreadable files in image folders instead of skipping them
     * @param background what transparent pixels of images are composited onto
     */
    public static Loaded open(Path path, UnaryOperator<ImageShape> target, boolean strict, Background background) {
        return open(path, target, strict, background, null);
    }

    /** As the public {@code open}, image folders labelled by {@code classes} when not null. */
    private static Loaded open(Path path, UnaryOperator<ImageShape> target, boolean strict, Background background,
                               List<String> classes) {
        if (!Files.exists(path)) {
            throw new RegenException("no such file or folder: " + path);
        }
        if (Files.isDirectory(path)) {
            List<Path> idx = idxImageFiles(path);
            if (!idx.isEmpty()) {
                return openIdxFolder(path, idx, target);
            }
            if (isTrainAndTest(path)) {
                return openTrainAndTest(path, target, strict, background);
            }
            ImageFolderDataset folder = ImageFolderDataset.open(path, target, strict, background, classes);
            return new Loaded(folder, Optional.empty(), folder.skipped(), folder.adjustments());
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        ImageDataset data = name.endsWith(".npy") ? NpyReader.read(path)
                : ImageFolderDataset.hasImageExtension(path) ? singleImage(path, background)
                : IdxReader.read(path, labelFile(path));
        return new Loaded(Reshaped.to(data, target.apply(data.shape())), Optional.empty(), 0, List.of());
    }

    /** Whether {@code folder}'s only sub-folders are {@code train} and {@code test} (files beside them are fine). */
    private static boolean isTrainAndTest(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList()
                    .equals(List.of("test", "train"));
        } catch (IOException e) {
            throw new RegenException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A folder's {@code train} and {@code test} image folders, the test images at the training shape and labels. */
    private static Loaded openTrainAndTest(Path path, UnaryOperator<ImageShape> target, boolean strict,
                                           Background background) {
        ImageFolderDataset train = ImageFolderDataset.open(path.resolve("train"), target, strict, background);
        ImageFolderDataset test = ImageFolderDataset.open(path.resolve("test"), own -> train.shape(), strict,
                background, train.classNames().isEmpty() ? null : train.classNames());
        if (train.classes() > 0 && test.classes() == 0) {
            throw new RegenException(path.resolve("test") + " is not labelled like " + path.resolve("train")
                    + ": every test image must sit in a class folder");
        }
        List<String> adjustments = new ArrayList<>(train.adjustments());
        test.adjustments().forEach(line -> adjustments.add("test set: " + line));
        return new Loaded(train, Optional.of(test), train.skipped() + test.skipped(), List.copyOf(adjustments));
    }

    private static ImageDataset singleImage(Path path, Background background) {
        ImageDecoder.Decoded image = ImageDecoder.read(path, background);
        return new ArrayDataset(image.shape(), image.pixels(), null, path.toString());
    }

    /**
     * Opens the data of a run and chooses its test set: the {@code testPath} when given, else the
     * test set shipped beside the data, else a seeded hold-out of {@code testFraction}; then keeps
     * only the images of the config's labels when it names some, draws its images per class from
     * the training set, and adds its added training images.
     *
     * @return the split and the number of unreadable files skipped
     */
    public static Prepared prepare(DataConfig config, long seed) {
        if (config.targetPath() != null) {
            return preparePairs(config, seed);
        }
        Prepared all = prepareAll(config, seed);
        Split split = all.split();
        if (config.labels() != null) {
            split = new Split(Subset.withLabels(split.train(), config.labels()),
                    Subset.withLabels(split.test(), config.labels()));
        }
        ImageDataset train = split.train();
        if (config.perClass() > 0) {
            train = LabelledDraw.perClass(train, config.perClass(), seed);
        }
        int skipped = all.skipped();
        List<String> adjustments = new ArrayList<>(all.adjustments());
        if (config.addTrain() != null) {
            ImageShape shape = train.shape();
            Loaded added = open(Path.of(config.addTrain()), own -> shape, config.strict(), config.background());
            train = new Joined(train, added.train());
            skipped += added.skipped();
            added.adjustments().forEach(line -> adjustments.add("added images: " + line));
        }
        return new Prepared(new Split(train, split.test()), skipped, List.copyOf(adjustments));
    }

    /**
     * Input images and their targets, paired by file name, or for unpaired data side by side
     * ({@link Unpaired}): the targets read as the config says, the inputs at the targets' size with
     * their own channels or the config's input channels; the test set from both folders'
     * {@code test/} sub-folders, or a seeded hold-out of the pairs (of each folder when unpaired).
     */
    private static Prepared preparePairs(DataConfig config, long seed) {
        Loaded targets = open(Path.of(config.targetPath()), config::target, config.strict(), config.background());
        ImageShape size = targets.train().shape();
        Loaded inputs = open(Path.of(config.path()), own -> size.withChannels(config.inputChannels() > 0
                ? config.inputChannels() : own.channels()), config.strict(), config.background());
        if (inputs.test().isPresent() != targets.test().isPresent()) {
            throw new RegenException((inputs.test().isPresent() ? config.targetPath() : config.path())
                    + " has no test/ sub-folder and the other folder has: give both one, or neither");
        }
        if (inputs.test().isEmpty() && config.testFraction() <= 0) {
            throw new RegenException(config.path() + " has no test/ sub-folder: give both folders one, or a test "
                    + "fraction above 0");
        }
        List<String> adjustments = new ArrayList<>();
        inputs.adjustments().forEach(line -> adjustments.add("inputs: " + line));
        targets.adjustments().forEach(line -> adjustments.add("targets: " + line));
        int skipped = inputs.skipped() + targets.skipped();
        if (config.unpaired()) {
            return new Prepared(unpaired(config, inputs, targets, seed), skipped, List.copyOf(adjustments),
                    inputs.train().shape().channels());
        }
        Paired train = Paired.byName(folder(inputs.train()), folder(targets.train()));
        if (inputs.test().isPresent()) {
            Paired test = Paired.byName(folder(inputs.test().get()), folder(targets.test().get()));
            return new Prepared(new Split(train, test), skipped, List.copyOf(adjustments), train.inputChannels());
        }
        return new Prepared(Split.holdOut(train, config.testFraction(), seed), skipped, List.copyOf(adjustments),
                train.inputChannels());
    }

    private static Split unpaired(DataConfig config, Loaded a, Loaded b, long seed) {
        if (a.test().isPresent()) {
            return new Split(new Unpaired(a.train(), b.train()), new Unpaired(a.test().get(), b.test().get()));
        }
        Split heldA = Split.holdOut(a.train(), config.testFraction(), seed);
        Split heldB = Split.holdOut(b.train(), config.testFraction(), seed);
        return new Split(new Unpaired(heldA.train(), heldB.train()), new Unpaired(heldA.test(), heldB.test()));
    }

    private static ImageFolderDataset folder(ImageDataset images) {
        if (images instanceof ImageFolderDataset folder) {
            return folder;
        }
        throw new RegenException(images.source() + " is not a folder of image files: pairs are matched by file name");
    }

    /** As {@link #prepare}, every label kept. */
    private static Prepared prepareAll(DataConfig config, long seed) {
        Loaded loaded = open(Path.of(config.path()), config::target, config.strict(), config.background());
        if (config.testPath() != null) {
            ImageShape shape = loaded.train().shape();
            List<String> classes = loaded.train() instanceof ImageFolderDataset f && f.classes() > 0
                    ? f.classNames() : null;
            Loaded test = open(Path.of(config.testPath()), own -> shape, config.strict(), config.background(),
                    classes);
            List<String> adjustments = new ArrayList<>(loaded.adjustments());
            test.adjustments().forEach(line -> adjustments.add("test set: " + line));
            return new Prepared(new Split(loaded.train(), test.train()), loaded.skipped() + test.skipped(),
                    List.copyOf(adjustments));
        }
        if (loaded.test().isPresent()) {
            return new Prepared(new Split(loaded.train(), loaded.test().get()), loaded.skipped(), loaded.adjustments());
        }
        if (config.testFraction() <= 0) {
            throw new RegenException(config.path() + " has no test set beside it: give a separate test set or a "
                    + "test fraction above 0");
        }
        return new Prepared(Split.holdOut(loaded.train(), config.testFraction(), seed), loaded.skipped(),
                loaded.adjustments());
    }

    /**
     * Data ready for a run.
     *
     * @param split       training and test sets
     * @param skipped     unreadable files left out
     * @param adjustments how reading changed images to the one shape, one line each
     * @param inputChannels for two domains ({@link Paired}, {@link Unpaired}): the channels of domain
     *                    A's images, which come first in each stacked item; 0 for other data
     */
    public record Prepared(Split split, int skipped, List<String> adjustments, int inputChannels) {
        /** Data that is not paired. */
        public Prepared(Split split, int skipped, List<String> adjustments) {
            this(split, skipped, adjustments, 0);
        }

        /** The shape of the target domain's images: the stacked shape less the input's channels. */
        public ImageShape targetShape() {
            ImageShape stacked = split.train().shape();
            return stacked.withChannels(stacked.channels() - inputChannels);
        }
    }

    private static Loaded openIdxFolder(Path folder, List<Path> idx, UnaryOperator<ImageShape> target) {
        Path train = idx.stream().filter(p -> p.getFileName().toString().startsWith("train")).findFirst()
                .orElse(idx.get(0));
        Optional<Path> test = idx.stream().filter(p -> {
            String n = p.getFileName().toString();
            return n.startsWith("t10k") || n.startsWith("test");
        }).findFirst();
        ImageDataset own = IdxReader.read(train, labelFile(train));
        ImageShape shape = target.apply(own.shape());
        ImageDataset trainSet = Reshaped.to(own, shape);
        Optional<ImageDataset> testSet = test.map(p -> Reshaped.to(IdxReader.read(p, labelFile(p)), shape));
        return new Loaded(trainSet, testSet, 0, List.of());
    }

    private static List<Path> idxImageFiles(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().contains("images-idx")).sorted().toList();
        } catch (IOException e) {
            throw new RegenException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The label file beside an IDX image file ({@code images-idx3} becomes {@code labels-idx1}), or null. */
    static Path labelFile(Path images) {
        String name = images.getFileName().toString();
        if (!name.contains("images-idx3")) {
            return null;
        }
        Path labels = images.resolveSibling(name.replace("images-idx3", "labels-idx1"));
        return Files.exists(labels) ? labels : null;
    }
}
