package dev.regen.cli;

import dev.regen.data.ImageDataset;
import dev.regen.io.NpyWriter;
import dev.regen.model.Vae;
import dev.regen.sample.Embedder;
import dev.regen.sample.Inversion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code regen embed}: the latent codes of images as an NPY array, their labels beside them. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Write the VAE's posterior means of the images at PATH (the test set beside IDX data, or with "
                + "--train its training set) as an N x latent float32 NPY file, and their labels, when they have "
                + "some, as int64 NPY beside it (NAME-labels.npy).")
final class EmbedCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "images to encode")
    Path data;

    @Option(names = "--train", description = "encode the training set of data that has a test set beside it")
    boolean train;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "encode only the first N images")
    int limit;

    @Option(names = "--out", required = true, paramLabel = "FILE.npy", description = "where the codes are written")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Vae vae = model.loadVae();
        ImageDataset images = ModelOption.first(model.images(data, vae, !train), limit);
        long start = System.nanoTime();
        float[] codes = Embedder.codes(vae, images, Inversion.defaults(), Progress.live(spec, "encoding", "images"));
        double seconds = (System.nanoTime() - start) / 1e9;
        Progress.clear(spec);
        NpyWriter.writeFloats(out, codes, images.size(), vae.config().latent());
        PrintWriter print = spec.commandLine().getOut();
        print.printf(Locale.ROOT, "%d codes of %d dimensions from %s in %.1f s (%.0f img/s): %s%n", images.size(),
                vae.config().latent(), images.source(), seconds, images.size() / seconds, out);
        if (images.classes() > 0) {
            Path labels = labelsBeside(out);
            NpyWriter.writeLongs(labels, images.labels());
            print.printf(Locale.ROOT, "labels: %s%n", labels);
        }
        print.flush();
        return ExitCodes.OK;
    }

    /** {@code codes.npy} to {@code codes-labels.npy}. */
    static Path labelsBeside(Path codes) {
        String name = codes.getFileName().toString();
        String stem = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return codes.resolveSibling(stem + "-labels.npy");
    }
}
