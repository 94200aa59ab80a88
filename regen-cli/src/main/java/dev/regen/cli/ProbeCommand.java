package dev.regen.cli;

import dev.regen.RegenException;
import dev.regen.WorkProgress;
import dev.regen.config.Check;
import dev.regen.data.DataSource;
import dev.regen.data.ImageDataset;
import dev.regen.data.LabelledDraw;
import dev.regen.embed.LabelSpreading;
import dev.regen.embed.LinearProbe;
import dev.regen.embed.LinearProbe.Features;
import dev.regen.embed.NeighbourGraph;
import dev.regen.model.Vae;
import dev.regen.sample.Embedder;
import dev.regen.sample.Inversion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * {@code regen probe}: how well a linear classifier reads the classes from the VAE's codes, beside raw
 * pixels, and with {@code --spread} how well the labels spread over the codes of all images.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Fit a linear classifier on the VAE's codes of --per-class labelled training images of each "
                + "class (seeded draws) and report its test accuracy, beside the same probe on raw pixels. With "
                + "--spread also label spreading (transductive, as M1 + TSVM): the labels flow over the "
                + "nearest-neighbour graph of all training and test codes, and of all pixels. Needs labelled data "
                + "with a test set beside it (an IDX folder, or train/ and test/ image folders).")
final class ProbeCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "labelled training and test images")
    Path data;

    @Option(names = "--per-class", defaultValue = "10", paramLabel = "N",
            description = "labelled training images per class; 0 for all (default: ${DEFAULT-VALUE})")
    int perClass;

    @Option(names = "--draws", defaultValue = "3", paramLabel = "D",
            description = "draws of the labelled images, each its own fit (default: ${DEFAULT-VALUE})")
    int draws;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the first draw (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--spread", description = "also label spreading over the neighbour graph of all images' codes "
            + "and pixels (the labels of the unlabelled and test images stay unseen)")
    boolean spread;

    @Option(names = "--neighbours", defaultValue = "10", paramLabel = "K",
            description = "neighbours of each image in the graph for --spread (default: ${DEFAULT-VALUE})")
    int neighbours;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Check.range("--per-class", perClass, 0, 1_000_000);
        Check.range("--draws", draws, 1, 100);
        Check.range("--neighbours", neighbours, 1, 1000);
        Vae vae = model.loadVae();
        DataSource.Loaded loaded = model.open(data, vae);
        ImageDataset train = loaded.train();
        ImageDataset test = loaded.test().orElseThrow(
                () -> new RegenException(data + " has no test set beside it: the probe needs one"));
        if (train.classes() < 2) {
            throw new RegenException(train.source() + " has no class labels: the probe needs labelled images");
        }
        if (spread) {
            // Each image needs that many others: a user error, not the graph's IllegalArgumentException.
            Check.range("--neighbours", neighbours, 1, train.size() + test.size() - 1);
        }
        Features trainCodes = codes(vae, train, Progress.live(spec, "encoding", "images"));
        Features testCodes = codes(vae, test, Progress.live(spec, "encoding", "images"));
        Features trainPixels = pixels(train);
        Features testPixels = pixels(test);
        long started = System.nanoTime();
        NeighbourGraph codeGraph = spread ? graph(trainCodes, testCodes, "codes") : null;
        long codesDone = System.nanoTime();
        NeighbourGraph pixelGraph = spread ? graph(trainPixels, testPixels, "pixels") : null;
        Progress.clear(spec);
        PrintWriter out = spec.commandLine().getOut();
        if (spread) {
            out.printf(Locale.ROOT, "neighbour graphs of %d images (%d neighbours each): codes in %.1f s, pixels in "
                    + "%.1f s%n", codeGraph.size(), neighbours, (codesDone - started) / 1e9,
                    (System.nanoTime() - codesDone) / 1e9);
        }
        List<String> methods = spread ? List.of("codes", "pixels", "codes spread", "pixels spread")
                : List.of("codes", "pixels");
        out.printf(Locale.ROOT, "%s labelled images per class, %d classes; test: %d images%n",
                perClass == 0 ? "all" : String.valueOf(perClass), train.classes(), test.size());
        out.printf(Locale.ROOT, "%-6s", "draw");
        methods.forEach(method -> out.printf(Locale.ROOT, " %18s", method));
        out.println();
        double[][] accuracy = new double[methods.size()][draws];
        for (int d = 0; d < draws; d++) {
            int[] rows = perClass == 0 ? IntStream.range(0, train.size()).toArray()
                    : LabelledDraw.perClass(trainCodes.labels(), train.classes(), perClass, seed + d);
            accuracy[0][d] = LinearProbe.testAccuracy(trainCodes.rows(rows), testCodes, train.classes());
            accuracy[1][d] = LinearProbe.testAccuracy(trainPixels.rows(rows), testPixels, train.classes());
            if (spread) {
                accuracy[2][d] = spreadAccuracy(codeGraph, rows, trainCodes, testCodes, train.classes());
                accuracy[3][d] = spreadAccuracy(pixelGraph, rows, trainPixels, testPixels, train.classes());
            }
            out.printf(Locale.ROOT, "%-6d", d + 1);
            for (double[] method : accuracy) {
                out.printf(Locale.ROOT, " %17.2f%%", 100 * method[d]);
            }
            out.println();
            out.flush();
        }
        out.printf(Locale.ROOT, "%-6s", "mean");
        for (double[] method : accuracy) {
            out.printf(Locale.ROOT, " %9.2f%% +- %.2f", 100 * mean(method), 100 * deviation(method));
        }
        out.printf(Locale.ROOT, "%n%-6s", "error");
        for (double[] method : accuracy) {
            out.printf(Locale.ROOT, " %17.2f%%", 100 - 100 * mean(method));
        }
        out.println();
        out.flush();
        return ExitCodes.OK;
    }

    private static Features codes(Vae vae, ImageDataset images, WorkProgress progress) {
        return new Features(Embedder.codes(vae, images, Inversion.defaults(), progress), vae.config().latent(),
                images.labels());
    }

    /** The neighbour graph of the training rows followed by the test rows. */
    private NeighbourGraph graph(Features train, Features test, String what) {
        float[] values = Arrays.copyOf(train.values(), train.values().length + test.values().length);
        System.arraycopy(test.values(), 0, values, train.values().length, test.values().length);
        int[] labels = IntStream.concat(Arrays.stream(train.labels()), Arrays.stream(test.labels())).toArray();
        return NeighbourGraph.of(new Features(values, train.dimension(), labels), neighbours,
                Progress.live(spec, "neighbours of " + what, "images"));
    }

    /** Label spreading from the training rows {@code rows}: the share of test rows given their class. */
    private static double spreadAccuracy(NeighbourGraph graph, int[] rows, Features train, Features test,
                                         int classes) {
        int[] labels = Arrays.stream(rows).map(row -> train.labels()[row]).toArray();
        int[] predicted = LabelSpreading.classes(graph, rows, labels, classes);
        int trainSize = train.labels().length;
        long right = IntStream.range(0, test.labels().length)
                .filter(i -> predicted[trainSize + i] == test.labels()[i]).count();
        return right / (double) test.labels().length;
    }

    private static Features pixels(ImageDataset images) {
        int size = images.shape().size();
        float[] values = new float[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            images.read(i, values, i * size);
        }
        return new Features(values, size, images.labels());
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    /** The sample standard deviation, 0 for one value. */
    private static double deviation(double[] values) {
        double m = mean(values);
        return values.length < 2 ? 0
                : Math.sqrt(Arrays.stream(values).map(v -> (v - m) * (v - m)).sum() / (values.length - 1));
    }
}
