package dev.regen.spark;

import dev.regen.data.ArrayDataset;
import dev.regen.eval.ClassifierEvaluator;
import dev.regen.model.Classifier;
import dev.regen.model.SavedModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code regen spark score}: the features of Regen's own classifier for every image, the ones its
 * Frechet distance, KID and precision/recall compare, with the class it predicts.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Write a classifier's (regen train-classifier) feature vector and predicted class of every "
                + "image under --input as Parquet rows (path, features, label): the features generation scores "
                + "compare.")
final class ScoreJob implements Callable<Integer> {
    static final StructType SCHEMA = new StructType().add("path", DataTypes.StringType)
            .add("features", DataTypes.createArrayType(DataTypes.FloatType, false)).add("label", DataTypes.IntegerType);

    @Mixin
    JobOptions options;

    @Override
    public Integer call() {
        return options.run("score", "scored", SavedModel::classifier, SCHEMA, ScoreJob::features);
    }

    private static List<Row> features(String modelName, List<ImageFiles.Decoded> images) {
        return ExecutorModels.inTurn(() -> {
            Classifier classifier = ExecutorModels.get(modelName).classifier();
            var shape = classifier.config().shape();
            float[] features = ClassifierEvaluator.features(classifier, new ArrayDataset(shape,
                    ImageFiles.atShape(images, shape), null, "images"));
            int width = classifier.config().latent();
            int[] labels = ClassifierEvaluator.predict(classifier, features, images.size());
            List<Row> out = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                Float[] row = new Float[width];
                for (int d = 0; d < width; d++) {
                    row[d] = features[i * width + d];
                }
                out.add(RowFactory.create(images.get(i).path(), row, labels[i]));
            }
            return out;
        });
    }
}
