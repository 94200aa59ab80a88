package dev.regen.cli;

import dev.regen.RegenException;
import dev.regen.WorkProgress;
import dev.regen.config.Check;
import dev.regen.data.DataSource;
import dev.regen.data.ImageDataset;
import dev.regen.data.LabelledDraw;
import dev.regen.embed.LinearProbe;
import dev.regen.embed.LinearProbe.Features;
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
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/** {@code regen probe}: how well a linear classifier reads the classes from the VAE's codes, beside raw pixels. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Fit a linear classifier on the VAE's codes of --per-class labelled training images of each "
                + "class (seeded draws) and report its test accuracy, beside the same probe on raw pixels. Needs "
                + "labelled data with a test set beside it (an IDX folder, or train/ and test/ image folders).")
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Check.range("--per-class", perClass, 0, 1_000_000);
        Check.range("--draws", draws, 1, 100);
        Vae vae = model.loadVae();
        DataSource.Loaded loaded = model.open(data, vae);
        ImageDataset train = loaded.train();
        ImageDataset test = loaded.test().orElseThrow(
                () -> new RegenException(data + " has no test set beside it: the probe needs one"));
        if (train.classes() < 2) {
            throw new RegenException(train.source() + " has no class labels: the probe needs labelled images");
        }
        WorkProgress progress = Progress.live(spec, "encoding", "images");
        Features trainCodes = codes(vae, train, progress);
        Features testCodes = codes(vae, test, progress);
        Progress.clear(spec);
        Features trainPixels = pixels(train);
        Features testPixels = pixels(test);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s labelled images per class, %d classes; test: %d images%n",
                perClass == 0 ? "all" : String.valueOf(perClass), train.classes(), test.size());
        out.printf(Locale.ROOT, "%-6s %14s %14s%n", "draw", "codes", "pixels");
        double[][] accuracy = new double[2][draws];
        for (int d = 0; d < draws; d++) {
            int[] rows = perClass == 0 ? IntStream.range(0, train.size()).toArray()
                    : LabelledDraw.perClass(trainCodes.labels(), train.classes(), perClass, seed + d);
            accuracy[0][d] = LinearProbe.testAccuracy(trainCodes.rows(rows), testCodes, train.classes());
            accuracy[1][d] = LinearProbe.testAccuracy(trainPixels.rows(rows), testPixels, train.classes());
            out.printf(Locale.ROOT, "%-6d %13.2f%% %13.2f%%%n", d + 1, 100 * accuracy[0][d], 100 * accuracy[1][d]);
            out.flush();
        }
        out.printf(Locale.ROOT, "%-6s %7.2f%% +- %.2f %7.2f%% +- %.2f   (test error: codes %.2f%%, pixels %.2f%%)%n",
                "mean", 100 * mean(accuracy[0]), 100 * deviation(accuracy[0]), 100 * mean(accuracy[1]),
                100 * deviation(accuracy[1]), 100 - 100 * mean(accuracy[0]), 100 - 100 * mean(accuracy[1]));
        out.flush();
        return ExitCodes.OK;
    }

    private static Features codes(Vae vae, ImageDataset images, WorkProgress progress) {
        return new Features(Embedder.codes(vae, images, Inversion.defaults(), progress), vae.config().latent(),
                images.labels());
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
