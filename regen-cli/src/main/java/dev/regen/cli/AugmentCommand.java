package dev.regen.cli;

import dev.regen.RegenException;
import dev.regen.augment.PosteriorVariations;
import dev.regen.augment.SyntheticImages;
import dev.regen.config.Check;
import dev.regen.data.ImageDataset;
import dev.regen.model.Classifier;
import dev.regen.model.Generative;
import dev.regen.model.SavedModel;
import dev.regen.model.Vae;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code regen augment}: synthetic labelled training images, as a folder that training reads back. */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = "Generate --n images into the new folder --out: for a conditional model one sub-folder per "
                + "class, named by label number, balanced over the classes unless --label picks one; flat for an "
                + "unconditional model. Train on real and synthetic images with --add-train DIR.")
final class AugmentCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--n", defaultValue = "10000", description = "number of images (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--label", paramLabel = "K", description = "generate only class K (default: every class alike)")
    Integer label;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the latent draws (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--filter", paramLabel = "CLASSIFIER",
            description = "keep only the samples this classifier (from train-classifier) assigns to the class they "
                    + "were drawn for, drawing again for the others")
    Path filter;

    @Option(names = "--variations",
            description = "a VAE: instead of prior samples, vary the model's own training images (read again from "
                    + "where it trained): each one's posterior draw decoded, the decoded change added to the image, "
                    + "labelled as the image; image i varies training image i mod their number")
    boolean variations;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "new folder the images are written to")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Check.range("--n", count, 1, 10_000_000);
        if (variations) {
            return writeVariations();
        }
        Generative generator = model.load();
        int classes = generator.config().classes();
        int[] labels = label != null ? SyntheticImages.only(count, label)
                : classes == 0 ? null : SyntheticImages.balanced(count, classes);
        Classifier classifier = filter == null ? null : SavedModel.load(filter).classifier();
        long start = System.nanoTime();
        double kept = SyntheticImages.write(generator, count, labels, seed, classifier, out,
                Progress.live(spec, "generating", "images"));
        String kinds = classes == 0 ? "unlabelled" : label != null ? "of class " + label
                : "over " + classes + " classes";
        return report("images " + kinds, start, classifier == null ? ""
                : String.format(Locale.ROOT, "; the filter kept %.1f%% of the samples", 100 * kept));
    }

    /** Prints what was written, where, and how fast, after the progress line. */
    private Integer report(String what, long start, String more) {
        double seconds = (System.nanoTime() - start) / 1e9;
        Progress.clear(spec);
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d %s to %s in %.1f s (%.0f img/s)%s%n", count, what,
                out, seconds, count / seconds, more);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** {@code --variations}: the training images varied through the VAE's posterior. */
    private Integer writeVariations() {
        if (label != null || filter != null) {
            throw new RegenException("--variations keeps each training image's own label: it takes no --label or "
                    + "--filter");
        }
        Vae vae = model.loadVae();
        ImageDataset real = model.trainingImages("--variations varies them");
        long start = System.nanoTime();
        PosteriorVariations.write(vae, real, count, seed, out, Progress.live(spec, "varying", "images"));
        return report("variations of " + real.size() + " training images", start, "");
    }
}
