package dev.regen.spark;

import dev.regen.config.DataConfig;
import dev.regen.config.ModelConfig;
import dev.regen.config.TrainConfig;
import dev.regen.data.DataSource;
import dev.regen.data.IdxReader;
import dev.regen.data.ImageDataset;
import dev.regen.io.ImageWriter;
import dev.regen.train.Run;
import dev.regen.train.TrainingListener;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job on a Spark cluster whose executor is a JVM of its own, started by a standalone worker
 * (Spark's {@code local-cluster} master, the mode Spark tests its cluster paths in): the model
 * must travel with the job, as on a real cluster, where local mode would read the driver's file.
 * The worker builds the executor's command from {@code SPARK_HOME} (set for this module's tests in
 * its pom to an empty Spark installation) and the class path this JVM runs on.
 */
class SparkClusterTest {
    private static final int IMAGES = 24;
    @TempDir
    Path temp;

    @Test
    void restoresOnAnExecutorOfItsOwnAsInLocalMode() throws Exception {
        Path fashion = Path.of("..", "data", "fashion-mnist");
        DataConfig data = DataConfig.of(fashion.toString());
        TrainConfig training = TrainConfig.builder().epochs(1).batchSize(64).threads(2).build();
        DataSource.Prepared prepared = DataSource.prepare(data, training.seed());
        Run.start(ModelConfig.convVae(prepared.split().train().shape()), training, data, prepared.split(),
                temp.resolve("vae"), "test", new TrainingListener() { });
        Path images = temp.resolve("images");
        Files.createDirectories(images);
        ImageDataset test = IdxReader.read(fashion.resolve("t10k-images-idx3-ubyte.gz"), null);
        float[] pixels = new float[test.shape().size()];
        for (int i = 0; i < IMAGES; i++) {
            test.read(i, pixels, 0);
            ImageWriter.writePng(pixels, test.shape(), images.resolve(String.format("%02d.png", i)));
        }
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        System.setProperty("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        System.setProperty("spark.executor.extraJavaOptions", Files.readString(Path.of("..", "etc",
                "spark-opens.txt")).strip());
        try {
            Map<String, byte[]> cluster = restored("local-cluster[1,1,1024]", images, temp.resolve("cluster"));
            Map<String, byte[]> local = restored("local[1]", images, temp.resolve("local"));
            assertEquals(IMAGES, cluster.size());
            assertEquals(local.keySet(), cluster.keySet());
            for (String name : local.keySet()) {
                assertTrue(Arrays.equals(local.get(name), cluster.get(name)), name + " restored alike by both");
            }
        } finally {
            System.clearProperty("spark.executor.extraClassPath");
            System.clearProperty("spark.executor.extraJavaOptions");
        }
    }

    /** Runs the restore job on {@code master} and reads its table back: file name to restored PNG. */
    private Map<String, byte[]> restored(String master, Path images, Path out) {
        StringWriter err = new StringWriter();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
            exit = SparkMain.commandLine().setErr(new PrintWriter(err, true)).execute("restore",
                    temp.resolve("vae/model.regen").toString(), "--input", images.toString(), "--out", out.toString(),
                    "--task", "denoise", "--sigma", "0.2", "--method", "projection", "--master", master);
        } finally {
            System.setOut(original);
        }
        assertEquals(0, exit, master + ": " + err);
        Map<String, byte[]> table = new TreeMap<>();
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
                .getOrCreate();
        try {
            for (Row row : spark.read().parquet(out.toString()).collectAsList()) {
                table.put(Path.of(row.getString(0).replaceFirst("^file:", "")).getFileName().toString(),
                        (byte[]) row.get(1));
            }
        } finally {
            spark.stop();
        }
        return table;
    }
}
