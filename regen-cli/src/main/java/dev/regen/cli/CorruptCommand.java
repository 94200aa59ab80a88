package dev.regen.cli;

import dev.regen.config.Check;
import dev.regen.config.ImageShape;
import dev.regen.data.DataSource;
import dev.regen.data.ImageDataset;
import dev.regen.io.ImageWriter;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Corruptions;
import dev.regen.data.damage.Damaged;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code regen corrupt}: damage images the way restoration and its evaluation do. */
@Command(name = "corrupt", mixinStandardHelpOptions = true,
        description = "Damage images (noise, masks, downsampling, blur), deterministically for a seed; writes one PNG "
                + "per image, and for masks the mask (white = missing) beside it.")
final class CorruptCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "PATH", description = "image file, folder, IDX or NPY data")
    Path input;

    @Option(names = "--corruption", required = true, paramLabel = "SPEC", converter = Converters.CorruptionSpec.class,
            description = "one of " + Corruptions.FORMS)
    Corruption corruption;

    @Mixin
    BackgroundOption background;

    @Option(names = "--n", defaultValue = "16", description = "images to damage (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "image i is damaged with seed + i (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the damaged PNGs")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Check.range("--n", count, 1, 1_000_000);
        ImageDataset images = DataSource.open(input, own -> own, false, background.colour).train();
        int n = Math.min(count, images.size());
        ImageShape shape = images.shape();
        float[] pixels = new float[shape.size()];
        List<Damaged> damaged = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            images.read(i, pixels, 0);
            damaged.add(corruption.apply(pixels, 0, shape, seed + i));
        }
        for (int i = 0; i < n; i++) {
            Damaged d = damaged.get(i);
            String name = String.format("%05d", i);
            ImageWriter.writePng(d.pixels(), d.shape(), out.resolve(name + ".png"));
            if (d.known() != null) {
                float[] missing = new float[d.known().length];
                for (int p = 0; p < missing.length; p++) {
                    missing[p] = 1 - d.known()[p];
                }
                ImageWriter.writePng(missing, new ImageShape(1, shape.height(), shape.width()),
                        out.resolve(name + "-mask.png"));
            }
        }
        spec.commandLine().getOut().println("wrote " + n + " damaged image(s) (" + corruption + ") to " + out);
        return ExitCodes.OK;
    }
}
