package dev.regen.cli;

import dev.regen.config.Check;
import dev.regen.data.ImageDataset;
import dev.regen.io.ImageGrid;
import dev.regen.model.Generative;
import dev.regen.model.Vae;
import dev.regen.sample.Interpolation;
import dev.regen.sample.Sampler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code regen interpolate}: a strip of images along a path in latent space. */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        description = "Decode points on a line (or great circle) between two latent codes: of two images from "
                + "--data, or of two random draws.")
final class InterpolateCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Mixin
    LabelOption label;

    @Option(names = "--data", paramLabel = "PATH", description = "take the end points from these images (VAEs)")
    Path data;

    @Option(names = "--from", defaultValue = "0", description = "index of the first image (default: ${DEFAULT-VALUE})")
    int from;

    @Option(names = "--to", defaultValue = "1", description = "index of the second image (default: ${DEFAULT-VALUE})")
    int to;

    @Option(names = "--seed", defaultValue = "1", description = "seed of random end points (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--steps", defaultValue = "10", description = "images in the strip (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--spherical", description = "spherical interpolation (slerp) instead of linear")
    boolean spherical;

    @Option(names = "--out", defaultValue = "interpolation.png", description = "PNG (default: ${DEFAULT-VALUE})")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Check.range("--steps", steps, 2, 1000);
        Generative generator = data == null ? model.load() : model.loadVae();
        int latent = generator.config().latent();
        float[] ends = data == null ? Sampler.priorCodes(generator, 2, seed) : encodedEnds((Vae) generator);
        float[] path = Interpolation.between(Arrays.copyOfRange(ends, 0, latent),
                Arrays.copyOfRange(ends, latent, 2 * latent), steps, spherical);
        ImageGrid.write(Sampler.decode(generator, path, label.labels(generator, steps, steps), steps), steps,
                generator.config().shape(), steps, out);
        spec.commandLine().getOut().println("wrote a " + steps + "-step " + (spherical ? "spherical" : "linear")
                + " interpolation to " + out);
        return ExitCodes.OK;
    }

    private float[] encodedEnds(Vae vae) {
        ImageDataset images = model.images(data, vae, false);
        Check.range("--from", from, 0, images.size() - 1);
        Check.range("--to", to, 0, images.size() - 1);
        return Sampler.encode(vae, images.read(from, to), ModelOption.labels(vae, images, from, to), 2);
    }
}
