package dev.regen.spark;

import dev.regen.RegenException;
import dev.regen.data.ArrayDataset;
import dev.regen.model.Vae;
import dev.regen.sample.Embedder;
import dev.regen.sample.Inversion;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code regen spark embed}: each image's latent code (the VAE's posterior mean) as a Parquet row (path, code). */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Write the VAE's posterior mean of every image under --input as Parquet rows (path, code).")
final class EmbedJob implements Callable<Integer> {
    static final StructType SCHEMA = new StructType().add("path", DataTypes.StringType)
            .add("code", DataTypes.createArrayType(DataTypes.FloatType, false));

    @Mixin
    JobOptions options;

    @Override
    public Integer call() {
        return options.run("embed", "embedded", saved -> {
            if (saved.vae().config().conditional()) {
                throw new RegenException("a conditional VAE encodes an image with its label; image files carry none");
            }
        }, SCHEMA, EmbedJob::encode);
    }

    private static List<Row> encode(String modelName, List<ImageFiles.Decoded> images) {
        return ExecutorModels.inTurn(() -> {
            Vae vae = ExecutorModels.get(modelName).vae();
            var shape = vae.config().shape();
            float[] pixels = ImageFiles.atShape(images, shape);
            float[] codes = Embedder.codes(vae, new ArrayDataset(shape, pixels, null, "images"), Inversion.defaults(),
                    (done, total) -> { });
            int latent = vae.config().latent();
            List<Row> out = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                Float[] code = new Float[latent];
                for (int d = 0; d < latent; d++) {
                    code[d] = codes[i * latent + d];
                }
                out.add(RowFactory.create(images.get(i).path(), code));
            }
            return out;
        });
    }
}
