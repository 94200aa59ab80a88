package dev.regen.spark;

import dev.regen.RegenException;
import dev.regen.augment.SyntheticImages;
import dev.regen.config.Check;
import dev.regen.io.ImageWriter;
import dev.regen.model.Generative;
import dev.regen.model.SavedModel;
import dev.regen.sample.Sampler;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * {@code regen spark augment}: synthetic labelled images of a generative model, drawn in chunks
 * spread over the executors, each chunk seeded by its number, as Parquet rows (index, label, PNG).
 */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = "Draw --n samples of a VAE or GAN across the executors (a conditional model's balanced over its "
                + "classes, or --label K) into Parquet rows (index, label, png); label -1 for an unconditional model.")
final class AugmentJob implements Callable<Integer> {
    static final StructType SCHEMA = new StructType().add("index", DataTypes.IntegerType)
            .add("label", DataTypes.IntegerType).add("png", DataTypes.BinaryType);

    @Parameters(index = "0", paramLabel = "MODEL", description = "model file (.regen), shipped to the executors")
    Path model;

    @Option(names = "--n", required = true, description = "images to draw")
    int count;

    @Option(names = "--label", paramLabel = "K", description = "a conditional model's class for every image")
    Integer label;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Parquet table to write (must not exist)")
    String out;

    @Option(names = "--chunk", defaultValue = "1024", description = "images per task (default: ${DEFAULT-VALUE})")
    int chunk;

    @Option(names = "--seed", defaultValue = "1", description = "chunk c draws with seed + c (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[2])")
    String master;

    @Override
    public Integer call() {
        Check.range("--n", count, 1, 100_000_000);
        Check.range("--chunk", chunk, 1, 65_536);
        SparkSession spark = JobOptions.session(master, model, "augment");
        try {
            Generative checked = SavedModel.load(model).generative();
            int classes = checked.config().classes();
            if (label != null && !checked.config().conditional()) {
                throw new RegenException("--label needs a conditional model; this one is unconditional");
            }
            if (label != null) {
                Check.range("--label", label, 0, classes - 1);
            }
            Jobs.requireFree(spark, out);
            String name = model.getFileName().toString();
            int n = count;
            int size = chunk;
            long base = seed;
            Integer only = label;
            int chunks = (n + size - 1) / size;
            JavaRDD<Integer> starts = new JavaSparkContext(spark.sparkContext()).parallelize(
                    IntStream.range(0, chunks).boxed().toList(), Math.max(1, Math.min(chunks, 1000)));
            JavaRDD<Row> rows = starts.flatMap(c -> draw(name, c, size, n, base, only, classes).iterator());
            long written = Jobs.write(spark, rows, SCHEMA, out);
            System.out.println("drew " + written + " images in " + chunks + " chunks -> " + out);
            return 0;
        } finally {
            spark.stop();
        }
    }

    private static List<Row> draw(String modelName, int c, int size, int n, long seed, Integer only, int classes) {
        return ExecutorModels.inTurn(() -> {
            Generative model = ExecutorModels.get(modelName).generative();
            int first = c * size;
            int count = Math.min(size, n - first);
            // Balanced as SyntheticImages.balanced: image i draws class i mod classes.
            int[] labels = !model.config().conditional() ? null : only != null ? SyntheticImages.only(count, only)
                    : IntStream.range(first, first + count).map(i -> i % classes).toArray();
            float[] images = Sampler.sample(model, count, seed + c, labels);
            var shape = model.config().shape();
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                rows.add(RowFactory.create(first + i, labels == null ? -1 : labels[i], ImageWriter.pngBytes(
                        ImageWriter.toImage(images, i * shape.size(), shape))));
            }
            return rows;
        });
    }
}
