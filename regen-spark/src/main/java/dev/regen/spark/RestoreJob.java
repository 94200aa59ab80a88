package dev.regen.spark;

import dev.regen.RegenException;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Task;
import dev.regen.io.ImageWriter;
import dev.regen.model.SavedModel;
import dev.regen.restore.ImageRestorer;
import dev.regen.restore.Method;
import dev.regen.restore.RestoreSettings;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code regen spark restore}: every damaged image restored, as Parquet rows (path, PNG bytes). */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore every damaged image under --input with a VAE or GAN, or a pix2pix trained for the task, as `regen restore` does, into "
                + "Parquet rows (path, png); images of another size are resized to the model's and back.")
final class RestoreJob implements Callable<Integer> {
    static final StructType SCHEMA = new StructType().add("path", DataTypes.StringType)
            .add("png", DataTypes.BinaryType);

    @Mixin
    JobOptions options;

    @Option(names = "--task", required = true, description = "denoise, superres or deblur (inpainting needs a mask per "
            + "image: use regen restore)")
    String task;

    @Option(names = "--sigma", defaultValue = "0.1", description = "noise or blur standard deviation (default: ${DEFAULT-VALUE})")
    double sigma;

    @Option(names = "--factor", defaultValue = "2", description = "superres: enlargement factor (default: ${DEFAULT-VALUE})")
    int factor;

    @Option(names = "--method", description = "projection (VAE), optimisation or posterior (VAE, GAN), network (a "
            + "pix2pix trained for the task) (default: network for a pix2pix, else optimisation)")
    String method;

    @Option(names = "--seed", defaultValue = "1", description = "seed of each batch's restoration (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        Task parsed = Task.parse(task);
        if (parsed == Task.INPAINT) {
            throw new RegenException("inpainting needs each image's mask: use regen restore --mask");
        }
        Method asked = method == null ? null : Method.parse(method);
        double sigmaValue = sigma;
        int factorValue = factor;
        long seedValue = seed;
        Corruption damage = parsed.observedDamage(sigmaValue, null, factorValue);
        return options.run("restore", "restored", saved -> Method.choose(saved, damage, asked), SCHEMA,
                (name, images) -> restore(name, parsed.observedDamage(sigmaValue, null, factorValue), asked, seedValue,
                        images));
    }

    private static List<Row> restore(String modelName, Corruption damage, Method asked, long seed,
                                     List<ImageFiles.Decoded> images) {
        return ExecutorModels.inTurn(() -> {
            SavedModel saved = ExecutorModels.get(modelName);
            ImageRestorer restorer = new ImageRestorer(saved.model(), damage, Method.choose(saved, damage, asked),
                    RestoreSettings.defaults(saved, RestoreSettings.defaults().samples()));
            List<ImageRestorer.Input> inputs = images.stream().map(i -> new ImageRestorer.Input(i.path(),
                    i.image().pixels(), i.image().shape())).toList();
            List<Row> out = new ArrayList<>();
            for (ImageRestorer.Output restored : restorer.restore(inputs, seed, (done, total) -> { })) {
                out.add(RowFactory.create(restored.name(), ImageWriter.pngBytes(ImageWriter.toImage(restored.restored(), 0, restored.shape()))));
            }
            return out;
        });
    }
}
