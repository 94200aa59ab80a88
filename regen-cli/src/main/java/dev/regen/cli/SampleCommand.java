package dev.regen.cli;

import dev.regen.config.ImageShape;
import dev.regen.io.ImageGrid;
import dev.regen.io.ImageWriter;
import dev.regen.model.Generative;
import dev.regen.sample.Sampler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code regen sample}: new images from the prior. */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Generate new images from a trained model.")
final class SampleCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Mixin
    LabelOption label;

    @Option(names = "--n", defaultValue = "64", description = "number of images (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the latent draws (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--columns", defaultValue = "8", description = "images per grid row (default: ${DEFAULT-VALUE})")
    int columns;

    @Option(names = "--out", defaultValue = "samples.png", description = "grid PNG (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--each", paramLabel = "DIR", description = "also write every image as its own PNG into DIR")
    Path each;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        dev.regen.config.Check.range("--n", count, 1, 100_000);
        dev.regen.config.Check.range("--columns", columns, 1, 1000);
        Generative generator = model.load();
        ImageShape shape = generator.config().shape();
        float[] images = Sampler.sample(generator, count, seed, label.labels(generator, count, columns));
        ImageGrid.write(images, count, shape, columns, out);
        if (each != null) {
            for (int i = 0; i < count; i++) {
                float[] one = Arrays.copyOfRange(images, i * shape.size(), (i + 1) * shape.size());
                ImageWriter.writePng(one, shape, each.resolve(String.format("sample-%04d.png", i)));
            }
        }
        spec.commandLine().getOut().println("wrote " + count + " samples to " + out
                + (each != null ? " and " + each : ""));
        return ExitCodes.OK;
    }
}
