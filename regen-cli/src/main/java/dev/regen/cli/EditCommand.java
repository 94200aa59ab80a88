package dev.regen.cli;

import dev.regen.config.ImageShape;
import dev.regen.edit.Direction;
import dev.regen.edit.LatentEdit;
import dev.regen.io.ImageGrid;
import dev.regen.io.ImageWriter;
import dev.regen.model.Generative;
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

/** {@code regen edit}: move images along a latent direction found by {@code regen attributes}. */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Edit images through an unconditional model: encode (a GAN: invert), move the code along "
                + "--direction by "
                + "--amount (1 moves from one class mean to the other, or one standard deviation along a principal "
                + "direction), decode, and add the decoded change to the image. Images are read at the model's size. "
                + "Writes OUT/NAME.png per image, or with --strip OUT/NAME-strip.png (the image, then each amount) and "
                + "OUT/strips.png, every strip as one grid.")
final class EditCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--input", required = true, paramLabel = "IMG|DIR", description = "an image or a folder of them")
    Path input;

    @Mixin
    DirectionOptions direction;

    @Option(names = "--strip", split = ",", paramLabel = "A,B,...", description = "write a strip of these amounts")
    List<Double> strip;

    @Option(names = "--whole", description = "write the decoded edited image itself, not the image plus the change")
    boolean whole;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder the edited images go to")
    Path out;

    @Mixin
    InversionOptions inversion;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Generative generative = model.load();
        Direction chosen = direction.find(model, generative);
        List<Double> amounts = strip != null ? strip : List.of(direction.amount);
        amounts.forEach(chosen::requireAmount);
        List<ImageFiles.Input> files = ImageFiles.read(input, model.background());
        ImageShape shape = generative.config().shape();
        int n = files.size();
        float[] images = ImageFiles.pixels(files, shape);
        long start = System.nanoTime();
        float[] codes = LatentEdit.codes(generative, images, n, inversion.inversion(),
                Progress.live(spec, "encoding", "images"));
        Progress.clear(spec);
        LatentEdit.Edited[] edited = new LatentEdit.Edited[amounts.size()];
        for (int a = 0; a < edited.length; a++) {
            edited[a] = LatentEdit.apply(generative, images, codes, n, chosen, amounts.get(a), whole);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int columns = amounts.size() + 1;
        float[] grid = strip == null ? null : new float[n * columns * shape.size()];
        for (int i = 0; i < n; i++) {
            String name = files.get(i).name();
            if (strip == null) {
                ImageWriter.writePng(one(edited[0].images(), i, shape), shape, out.resolve(name + ".png"));
            } else {
                System.arraycopy(images, i * shape.size(), grid, i * columns * shape.size(), shape.size());
                for (int a = 0; a < amounts.size(); a++) {
                    System.arraycopy(edited[a].images(), i * shape.size(), grid, (i * columns + a + 1) * shape.size(),
                            shape.size());
                }
                ImageGrid.write(Arrays.copyOfRange(grid, i * columns * shape.size(), (i + 1) * columns * shape.size()),
                        columns, shape, columns, out.resolve(name + "-strip.png"));
            }
        }
        if (strip != null) {
            ImageGrid.write(grid, n * columns, shape, columns, out.resolve("strips.png"));
        }
        PrintWriter print = spec.commandLine().getOut();
        for (int a = 0; a < edited.length; a++) {
            print.printf(Locale.ROOT, "%s by %+.2f: %.1f%% of pixels changed by more than %.2f, the others by %.4f "
                    + "on average%n", chosen.name(), amounts.get(a), 100 * edited[a].editedShare(),
                    LatentEdit.EDITED_CHANGE, edited[a].changeOutside());
        }
        print.printf(Locale.ROOT, "edited %d images %d times in %.2f s (%.0f img/s) -> %s%n", n, edited.length,
                seconds, n * edited.length / seconds, out);
        print.flush();
        return ExitCodes.OK;
    }

    private static float[] one(float[] images, int index, ImageShape shape) {
        return Arrays.copyOfRange(images, index * shape.size(), (index + 1) * shape.size());
    }
}
