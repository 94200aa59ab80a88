package dev.regen.spark;

import dev.regen.anomaly.AnomalyScore;
import dev.regen.anomaly.AnomalyScorer;
import dev.regen.config.Check;
import dev.regen.data.ArrayDataset;
import dev.regen.model.Vae;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code regen spark anomaly}: anomaly scores of every image, as Parquet rows (path, one column per score). */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
        description = "Score every image under --input by how unlike the VAE's training data it is (higher: less "
                + "alike), into Parquet rows of the path and one column per score.")
final class AnomalyJob implements Callable<Integer> {
    @Mixin
    JobOptions options;

    @Option(names = "--score", split = ",", defaultValue = "elbo,reconstruction",
            description = "elbo, iwae, reconstruction or complexity, comma-separated (default: ${DEFAULT-VALUE})")
    List<String> scores;

    @Option(names = "--k", defaultValue = "64", description = "importance samples for iwae and complexity (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--seed", defaultValue = "1", description = "seed of each batch's draws (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        Check.range("--k", k, 1, 5000);
        Set<AnomalyScore> kinds = EnumSet.noneOf(AnomalyScore.class);
        scores.forEach(s -> kinds.add(AnomalyScore.parse(s.strip())));
        List<AnomalyScore> order = new ArrayList<>(kinds);
        StructType schema = new StructType().add("path", DataTypes.StringType);
        for (AnomalyScore kind : order) {
            schema = schema.add(kind.id(), DataTypes.DoubleType);
        }
        int samples = k;
        long seedValue = seed;
        return options.run("anomaly", "scored", saved -> AnomalyScorer.requireApplicable(saved.vae(), kinds, null), schema,
                (name, images) -> score(name, order, samples, seedValue, images));
    }

    private static List<Row> score(String modelName, List<AnomalyScore> order, int k, long seed,
                                   List<ImageFiles.Decoded> images) {
        return ExecutorModels.inTurn(() -> {
            Vae vae = ExecutorModels.get(modelName).vae();
            var shape = vae.config().shape();
            float[] pixels = ImageFiles.atShape(images, shape);
            Map<AnomalyScore, double[]> scores = AnomalyScorer.scores(vae, new ArrayDataset(shape, pixels, null,
                    "images"), Set.copyOf(order), k, seed, null, (done, total) -> { });
            List<Row> out = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                Object[] values = new Object[order.size() + 1];
                values[0] = images.get(i).path();
                for (int s = 0; s < order.size(); s++) {
                    values[s + 1] = scores.get(order.get(s))[i];
                }
                out.add(RowFactory.create(values));
            }
            return out;
        });
    }
}
