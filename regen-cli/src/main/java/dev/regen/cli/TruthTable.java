package dev.regen.cli;

import dev.regen.RegenException;
import dev.regen.config.Background;
import dev.regen.config.ImageShape;
import dev.regen.data.PixelOps;
import dev.regen.eval.metric.ColourMapping;
import dev.regen.eval.metric.ImageQuality;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The table of {@code eval-edit} and {@code eval-translate}: images made by a method against the true
 * images of the same names, mean PSNR and SSIM per method, beside the baselines a user has without
 * a model (the input itself, a per-pixel colour mapping fitted on training pairs).
 */
final class TruthTable {
    private final PrintWriter out;
    private final float[] truth;
    private final int n;
    private final ImageShape shape;

    /** A table against {@code n} true images of {@code shape}; prints its header. */
    TruthTable(PrintWriter out, float[] truth, int n, ImageShape shape) {
        this.out = out;
        this.truth = truth;
        this.n = n;
        this.shape = shape;
        out.printf(Locale.ROOT, "%-36s %9s %8s%n", "method", "PSNR dB", "SSIM");
    }

    /** A row: the mean PSNR and SSIM of {@code images} against the truth. */
    void row(String method, float[] images) {
        double psnr = 0;
        double ssim = 0;
        for (int i = 0; i < n; i++) {
            psnr += ImageQuality.psnr(truth, images, i * shape.size(), shape);
            ssim += ImageQuality.ssim(truth, images, i * shape.size(), shape);
        }
        out.printf(Locale.ROOT, "%-36s %9.2f %8.4f%n", method, psnr / n, ssim / n);
    }

    /**
     * The colour-mapping row, when training pairs are given: the mapping fitted on them, the inputs
     * read at {@code inputShape} (what the model reads: grey for a colourisation) and then converted
     * to the table's shape, applied to {@code inputs} (at the table's shape).
     *
     * @throws RegenException when only one of the two folders is given
     */
    void colourMappingRow(Path fitInput, Path fitTarget, Background background, ImageShape inputShape,
                          float[] inputs) {
        if ((fitInput == null) != (fitTarget == null)) {
            throw new RegenException("give --fit-input and --fit-target together, or neither");
        }
        if (fitInput == null) {
            return;
        }
        List<ImageFiles.Input> fit = ImageFiles.read(fitInput, background);
        float[] before = PixelOps.convertAll(ImageFiles.pixels(fit, inputShape), fit.size(), inputShape, shape);
        float[] after = ImageFiles.pixels(ImageFiles.pairedBy(fit, ImageFiles.read(fitTarget, background), fitTarget),
                shape);
        row("colour mapping (" + fit.size() + " pairs)", ColourMapping.fit(before, after, fit.size(), shape)
                .apply(inputs, n));
    }
}
