package dev.regen.cli;

import dev.regen.config.ImageShape;
import dev.regen.config.TranslationDirection;
import dev.regen.io.ImageWriter;
import dev.regen.model.Translator;
import dev.regen.translate.ImageTranslator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code regen translate}: images of one domain into the other with a translation model. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Translate images with a pix2pix or CycleGAN model, from the domain of its --data to that of its "
                + "--target (a CycleGAN also back). "
                + "Each image translates at its own size (the generator is fully convolutional; sides that are not a "
                + "multiple of what it halves to are padded and cropped back; at most 1024x1024 pixels), converted to "
                + "the model's input channels. Writes OUT/NAME.png per image, once every image has translated.")
final class TranslateCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--input", required = true, paramLabel = "IMG|DIR", description = "an image or a folder of them")
    Path input;

    @Mixin
    TranslationDirectionOption way;

    @Mixin
    EnsembleOption ensemble;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder the translations go to")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Translator translator = model.loadSaved().translator();
        TranslationDirection direction = way.of(translator);
        ImageTranslator images = ensemble.translator(model);
        List<ImageFiles.Input> files = ImageFiles.read(input, model.background());
        ImageShape trained = translator.outputShape(direction);
        long start = System.nanoTime();
        List<ImageTranslator.Translated> translated = new ArrayList<>();
        for (ImageFiles.Input file : files) {
            translated.add(images.translate(file.image().pixels(), file.image().shape(), direction));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int otherSize = 0;
        int padded = 0;
        for (int i = 0; i < files.size(); i++) {
            ImageTranslator.Translated t = translated.get(i);
            otherSize += t.shape().height() != trained.height() || t.shape().width() != trained.width() ? 1 : 0;
            padded += t.padded() ? 1 : 0;
            ImageWriter.writePng(t.pixels(), t.shape(), out.resolve(files.get(i).name() + ".png"));
        }
        PrintWriter print = spec.commandLine().getOut();
        print.printf(Locale.ROOT, "translated %d images in %.2f s (%.0f img/s) -> %s%n", files.size(), seconds,
                files.size() / seconds, out);
        if (otherSize > 0) {
            print.printf(Locale.ROOT, "%d of them not at the training size %dx%d, translated at their own%s%n",
                    otherSize, trained.height(), trained.width(), padded == 0 ? "" : String.format(Locale.ROOT,
                            " (%d padded to a multiple of %d and cropped back)", padded, images.sizeMultiple()));
        }
        print.flush();
        return ExitCodes.OK;
    }
}
