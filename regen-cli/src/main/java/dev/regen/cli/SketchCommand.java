package dev.regen.cli;

import dev.regen.config.Check;
import dev.regen.config.ImageShape;
import dev.regen.data.DataSource;
import dev.regen.data.ImageDataset;
import dev.regen.io.AtomicFiles;
import dev.regen.io.ImageWriter;
import dev.regen.translate.Sketches;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code regen sketch}: images and their edge sketches as two folders of pairs, for a sketch-to-image model. */
@Command(name = "sketch", mixinStandardHelpOptions = true,
        description = "Write the images of --input and their sketches (Canny edges, as pix2pix's edges-to-shoes) as "
                + "pairs: OUT/images/SPLIT/NNNNN.png and OUT/edges/SPLIT/NNNNN.png for the training split and, where "
                + "the data has one, the test split. Train a sketch-to-image model on them with regen train --model "
                + "pix2pix --data OUT/edges --target OUT/images. OUT must not exist: it is written whole or not at all.")
final class SketchCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "PATH", description = "IDX, NPY or image-folder data")
    Path input;

    @Option(names = "--n", defaultValue = "0", paramLabel = "N",
            description = "at most N images of each split (default: all)")
    int count;

    @Mixin
    BackgroundOption background;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "new folder for the pairs")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Check.range("--n", count, 0, Integer.MAX_VALUE);
        DataSource.Loaded loaded = DataSource.open(input, own -> own, false, background.colour);
        Map<String, ImageDataset> splits = new LinkedHashMap<>();
        splits.put("train", loaded.train());
        loaded.test().ifPresent(test -> splits.put("test", test));
        int[] written = {0};
        AtomicFiles.writeFolder(out, folder -> splits.forEach((split, images) -> {
            ImageShape shape = images.shape();
            ImageShape edgeShape = shape.withChannels(1);
            float[] pixels = new float[shape.size()];
            int n = count > 0 ? Math.min(count, images.size()) : images.size();
            for (int i = 0; i < n; i++) {
                images.read(i, pixels, 0);
                String name = String.format(Locale.ROOT, "%05d.png", i);
                ImageWriter.writePng(pixels, shape, folder.resolve("images").resolve(split).resolve(name));
                ImageWriter.writePng(Sketches.edges(pixels, shape), edgeShape,
                        folder.resolve("edges").resolve(split).resolve(name));
                written[0]++;
            }
        }));
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d images and their sketches (%s) to %s%n", written[0],
                String.join(" and ", splits.keySet()), out);
        return ExitCodes.OK;
    }
}
