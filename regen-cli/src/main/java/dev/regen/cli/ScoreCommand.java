package dev.regen.cli;

import dev.regen.RegenException;
import dev.regen.config.Background;
import dev.regen.config.Check;
import dev.regen.config.ImageShape;
import dev.regen.data.DataSource;
import dev.regen.data.ImageDataset;
import dev.regen.eval.Scorer;
import dev.regen.eval.metric.GenerationScore;
import dev.regen.model.Classifier;
import dev.regen.model.Generative;
import dev.regen.model.SavedModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code regen score}: generation quality against real images. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Compare generated and real images on a classifier's features: Frechet distance, kernel "
                + "distance (KID), precision and recall, and per-label accuracy for conditional models. The "
                + "generated images come from a model, or from any tool as a folder, NPY or IDX file.")
final class ScoreCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL|IMAGES",
            description = "a model file (.regen) to sample, or generated images: a folder (class sub-folders give "
                    + "per-label accuracy), an NPY or an IDX file")
    Path source;

    @Option(names = "--classifier", required = true, paramLabel = "FILE", description = "from 'regen train-classifier'")
    Path classifierPath;

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "real images: the test set beside IDX data, or all images at PATH")
    Path data;

    @Option(names = "--train", paramLabel = "PATH",
            description = "the generator's training images: also print the memorisation ratio (default: none)")
    Path train;

    @Option(names = "--n", defaultValue = "10000", description = "images of each kind (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the generated images (default: ${DEFAULT-VALUE})")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Check.range("--n", count, 2, 1_000_000);
        SavedModel saved = SavedModel.load(classifierPath);
        Classifier classifier = saved.classifier();
        Background background = saved.file().manifest().data().background();
        ImageShape shape = classifier.config().shape();
        DataSource.Loaded loaded = DataSource.open(data, own -> shape, false, background);
        ImageDataset real = loaded.test().orElse(loaded.train());
        ImageDataset generated;
        if (source.getFileName().toString().endsWith(".regen")) {
            Generative model = SavedModel.load(source).generative();
            generated = Scorer.samples(model, classifier, Math.min(count, real.size()), seed);
        } else {
            generated = DataSource.open(source, own -> shape, false, background).train();
            if (generated.classes() > 0 && generated.classes() != classifier.config().classes()) {
                throw new RegenException(source + " has " + generated.classes() + " class folders but the classifier "
                        + "knows " + classifier.config().classes() + " classes: give all of them, named so that "
                        + "they sort in the classifier's order");
            }
        }
        GenerationScore score = Scorer.scoreImages(generated, classifier, real, count, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "images         %d generated, %d real from %s%n", score.images(), score.images(),
                real.source());
        out.printf(Locale.ROOT, "Frechet        %.3f%n", score.frechet());
        out.printf(Locale.ROOT, "KID            %.5f%n", score.kernelDistance());
        out.printf(Locale.ROOT, "precision      %.3f%nrecall         %.3f%n", score.precision(), score.recall());
        if (train != null) {
            ImageDataset trainImages = DataSource.open(train, own -> shape, false, background).train();
            out.printf(Locale.ROOT, "memorisation   %.3f (generated images' median distance to their nearest training "
                    + "image over held-out real images'; well below 1: copies)%n",
                    Scorer.memorisation(generated, real, trainImages, classifier, count, seed));
        }
        for (int label = 0; label < score.labelAccuracy().length; label++) {
            out.printf(Locale.ROOT, "label %-8d accuracy %.3f%n", label, score.labelAccuracy()[label]);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
