package dev.regen.spark;

import dev.regen.config.TranslationDirection;
import dev.regen.io.ImageWriter;
import dev.regen.translate.ImageTranslator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code regen spark translate}: every image translated at its own size, as Parquet rows (path, PNG bytes). */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Translate every image under --input with a pix2pix or CycleGAN model, at its own size, into "
                + "Parquet rows (path, png).")
final class TranslateJob implements Callable<Integer> {
    @Mixin
    JobOptions options;

    @Option(names = "--direction", defaultValue = "a2b", description = "a2b, or b2a for CycleGAN (default: ${DEFAULT-VALUE})")
    String direction;

    @Override
    public Integer call() {
        TranslationDirection way = TranslationDirection.parse(direction);
        return options.run("translate", "translated",
                saved -> ImageTranslator.requireDirection(saved.translator(), way), RestoreJob.SCHEMA,
                (name, images) -> translate(name, way, images));
    }

    private static List<Row> translate(String modelName, TranslationDirection way, List<ImageFiles.Decoded> images) {
        return ExecutorModels.inTurn(() -> {
            ImageTranslator translator = new ImageTranslator(ExecutorModels.get(modelName).translator());
            List<Row> out = new ArrayList<>();
            for (ImageFiles.Decoded image : images) {
                ImageTranslator.Translated t = translator.translate(image.image().pixels(), image.image().shape(), way);
                out.add(RowFactory.create(image.path(), ImageWriter.pngBytes(ImageWriter.toImage(t.pixels(), 0,
                        t.shape()))));
            }
            return out;
        });
    }
}
