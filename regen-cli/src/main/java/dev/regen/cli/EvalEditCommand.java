package dev.regen.cli;

import dev.regen.config.ImageShape;
import dev.regen.edit.Direction;
import dev.regen.edit.LatentEdit;
import dev.regen.model.Generative;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code regen eval-edit}: an edit against the true edited images, beside what a user has without a model. */
@Command(name = "eval-edit", mixinStandardHelpOptions = true,
        description = "Edit the images of --input along --direction and compare each with the image of the same "
                + "name in --target (the true edited image, such as the same emoji in another skin tone): mean PSNR "
                + "and SSIM, beside the unedited input and, given training pairs (--fit-input, --fit-target), a "
                + "per-pixel colour mapping fitted on them.")
final class EvalEditCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "images to edit")
    Path input;

    @Option(names = "--target", required = true, paramLabel = "DIR", description = "their true edits, named alike")
    Path target;

    @Mixin
    DirectionOptions direction;

    @Option(names = "--fit-input", paramLabel = "DIR", description = "training images before, for the colour mapping")
    Path fitInput;

    @Option(names = "--fit-target", paramLabel = "DIR", description = "the same images after, named alike")
    Path fitTarget;

    @Mixin
    InversionOptions inversion;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Generative generative = model.load();
        Direction chosen = direction.find(model, generative);
        double amount = direction.amount;
        chosen.requireAmount(amount);
        ImageShape shape = generative.config().shape();
        List<ImageFiles.Input> inputs = ImageFiles.read(input, model.background());
        int n = inputs.size();
        float[] before = ImageFiles.pixels(inputs, shape);
        float[] truth = ImageFiles.pixels(ImageFiles.pairedBy(inputs, ImageFiles.read(target, model.background()),
                target), shape);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d images edited along %s by %.2f, against their true edits%n", n, chosen.name(),
                amount);
        TruthTable table = new TruthTable(out, truth, n, shape);
        table.row("unedited input", before);
        table.colourMappingRow(fitInput, fitTarget, model.background(), shape, before);
        float[] codes = LatentEdit.codes(generative, before, n, inversion.inversion(),
                Progress.live(spec, "encoding", "images"));
        Progress.clear(spec);
        table.row("regen edit", LatentEdit.apply(generative, before, codes, n, chosen, amount, false).images());
        table.row("regen edit, decoded whole", LatentEdit.apply(generative, before, codes, n, chosen, amount, true)
                .images());
        out.flush();
        return ExitCodes.OK;
    }
}
