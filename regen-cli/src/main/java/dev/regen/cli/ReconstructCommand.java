package dev.regen.cli;

import dev.regen.config.Check;
import dev.regen.data.ImageDataset;
import dev.regen.io.ImageGrid;
import dev.regen.model.Vae;
import dev.regen.sample.Sampler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code regen reconstruct}: images next to what the model makes of them. */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = "Encode and decode images; writes each original beside its reconstruction.")
final class ReconstructCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "images: a file or folder")
    Path data;

    @Option(names = "--n", defaultValue = "16", description = "images to reconstruct (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--out", defaultValue = "reconstructions.png", description = "PNG (default: ${DEFAULT-VALUE})")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Check.range("--n", count, 1, 10_000);
        Vae vae = model.loadVae();
        ImageDataset images = model.images(data, vae, true);
        int n = Math.min(count, images.size());
        int size = images.shape().size();
        float[] pairs = new float[2 * n * size];
        int[] indices = java.util.stream.IntStream.range(0, n).toArray();
        float[] originals = images.read(indices);
        float[] recon = Sampler.reconstruct(vae, originals, ModelOption.labels(vae, images, indices), n);
        for (int i = 0; i < n; i++) {
            System.arraycopy(originals, i * size, pairs, 2 * i * size, size);
            System.arraycopy(recon, i * size, pairs, (2 * i + 1) * size, size);
        }
        ImageGrid.write(pairs, 2 * n, images.shape(), 2, out);
        spec.commandLine().getOut().println("wrote " + n + " originals (left) and reconstructions (right) to " + out);
        return ExitCodes.OK;
    }
}
