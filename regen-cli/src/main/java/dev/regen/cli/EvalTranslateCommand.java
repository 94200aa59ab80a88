package dev.regen.cli;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import dev.regen.config.TranslationDirection;
import dev.regen.data.PixelOps;
import dev.regen.model.Translator;
import dev.regen.translate.ImageTranslator;
import dev.regen.translate.Sketches;
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

/** {@code regen eval-translate}: translations against the true targets, beside what a user has without a model. */
@Command(name = "eval-translate", mixinStandardHelpOptions = true,
        description = "Translate the images of --input at the model's size and compare each with the image of the "
                + "same name in --target (its true counterpart): mean PSNR and SSIM, beside the input itself and, "
                + "given training pairs (--fit-input, --fit-target), a per-pixel colour mapping fitted on them.")
final class EvalTranslateCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "images to translate")
    Path input;

    @Option(names = "--target", required = true, paramLabel = "DIR", description = "their true translations, named alike")
    Path target;

    @Mixin
    TranslationDirectionOption way;

    @Mixin
    EnsembleOption ensemble;

    @Option(names = "--fit-input", paramLabel = "DIR", description = "training inputs, for the colour mapping")
    Path fitInput;

    @Option(names = "--fit-target", paramLabel = "DIR", description = "their targets, named alike")
    Path fitTarget;

    @Option(names = "--sketch-fill", description = "also the baseline of a sketch's fill (regions between the "
            + "edges in the mean colours the training pairs give them, blurred), fitted on --fit-input/--fit-target")
    boolean sketchFill;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Images translated at once. */
    private static final int BATCH = 64;

    /** The sketch fill fitted on the training pairs. */
    private Sketches.Fill fill(ImageShape source, ImageShape shape) {
        if (fitInput == null || fitTarget == null) {
            throw new RegenException("--sketch-fill is fitted on training pairs: give --fit-input and --fit-target");
        }
        List<ImageFiles.Input> fit = ImageFiles.read(fitInput, model.background());
        float[] edges = PixelOps.convertAll(ImageFiles.pixels(fit, source), fit.size(), source, source.withChannels(1));
        float[] images = ImageFiles.pixels(ImageFiles.pairedBy(fit, ImageFiles.read(fitTarget, model.background()),
                fitTarget), shape);
        return Sketches.Fill.fit(edges, images, fit.size(), shape);
    }

    @Override
    public Integer call() {
        Translator translator = model.loadSaved().translator();
        TranslationDirection direction = way.of(translator);
        ImageTranslator models = ensemble.translator(model);
        ImageShape source = translator.inputShape(direction);
        ImageShape shape = translator.outputShape(direction);
        List<ImageFiles.Input> inputs = ImageFiles.read(input, model.background());
        int n = inputs.size();
        float[] truth = ImageFiles.pixels(ImageFiles.pairedBy(inputs, ImageFiles.read(target, model.background()),
                target), shape);
        float[] sources = ImageFiles.pixels(inputs, source);
        float[] asTargets = PixelOps.convertAll(sources, n, source, shape);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d images translated at %s, against their true counterparts%n", n, shape);
        TruthTable table = new TruthTable(out, truth, n, shape);
        table.row("input itself", asTargets);
        table.colourMappingRow(fitInput, fitTarget, model.background(), source, asTargets);
        if (sketchFill) {
            table.row("blurred-edge fill", fill(source, shape).apply(PixelOps.convertAll(sources, n, source,
                    source.withChannels(1)), n));
        }
        long start = System.nanoTime();
        float[] translated = new float[n * shape.size()];
        for (int begin = 0; begin < n; begin += BATCH) {
            int count = Math.min(BATCH, n - begin);
            float[] batch = models.translate(Arrays.copyOfRange(sources, begin * source.size(),
                    (begin + count) * source.size()), count, direction);
            System.arraycopy(batch, 0, translated, begin * shape.size(), batch.length);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String members = ensemble.others.isEmpty() ? "" : " x" + (ensemble.others.size() + 1);
        table.row("regen translate (" + translator.config().kind().id() + members + ")", translated);
        out.printf(Locale.ROOT, "translated %d images in %.2f s (%.0f img/s)%n", n, seconds, n / seconds);
        out.flush();
        return ExitCodes.OK;
    }
}
