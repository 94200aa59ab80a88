package dev.regen.spark;

import dev.regen.RegenException;
import dev.regen.config.Check;
import dev.regen.model.SavedModel;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** What every Spark job takes: the model, the images, the output table, and where Spark runs. */
final class JobOptions {
    @Parameters(index = "0", paramLabel = "MODEL", description = "model file (.regen), shipped to the executors")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "DIR",
            description = "folder of images (any depth); on a cluster a path every executor reads (HDFS, S3, NFS)")
    String input;

    @Option(names = "--parquet", description = "--input is a Parquet table of images (path, content or png), such as "
            + "another job's output, instead of a folder of files")
    boolean parquet;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Parquet table to write (must not exist)")
    String out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark-submit's, else local[2])")
    String master;

    @Option(names = "--batch", defaultValue = "64", description = "images per engine call (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--strict", description = "fail on an unreadable image instead of counting and skipping it")
    boolean strict;

    /** A session on {@code master} (null: spark-submit's, else local[2]) that ships {@code model} to the executors. */
    static SparkSession session(String master, Path model, String job) {
        if (!Files.isRegularFile(model)) {
            throw new RegenException("no model file " + model);
        }
        SparkConf conf = new SparkConf();
        String url = master != null ? master : conf.get("spark.master", "local[2]");
        // Spark 4 isolates a session's artifacts: a SQL job's tasks on a cluster's executors carry only
        // the session's files, so the model added to the context below would not reach them (local
        // mode reads it from the driver's folder and hides this; SparkClusterTest shows it).
        SparkSession spark = SparkSession.builder().appName("regen " + job).master(url)
                .config("spark.ui.enabled", "false").config("spark.sql.artifact.isolation.enabled", "false")
                .getOrCreate();
        // Spark logs each failed task at ERROR; the job's own error line says what went wrong.
        spark.sparkContext().setLogLevel("FATAL");
        spark.sparkContext().addFile(model.toAbsolutePath().toString());
        return spark;
    }

    /** What a job does with a batch of decoded images on an executor, given its model's shipped name. */
    interface Batches extends Serializable {
        List<Row> apply(String modelName, List<ImageFiles.Decoded> images);
    }

    /**
     * Runs a job over the images: {@code check} sees the model on the driver first (refusing one of
     * another family before any executor works), then every partition's images go through
     * {@code batches} {@code --batch} at a time, and the rows become the Parquet table.
     *
     * @param did what the job did, for its result line ("restored")
     */
    int run(String job, String did, Consumer<SavedModel> check, StructType schema, Batches batches) {
        Check.range("--batch", batch, 1, 65_536);
        SparkSession spark = session(master, model, job);
        try {
            check.accept(SavedModel.load(model));
            Jobs.requireFree(spark, out);
            ImageFiles files = new ImageFiles(spark, strict);
            String name = modelName();
            int size = batch;
            JavaRDD<Row> rows = ImageFiles.read(spark, input, parquet).javaRDD().mapPartitions(partition ->
                    files.inBatches(partition, ExecutorModels.background(name), size,
                            images -> batches.apply(name, images)));
            Jobs.report(did, Jobs.write(spark, rows, schema, out), files, out);
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** The name the executors find the model under. */
    String modelName() {
        return model.getFileName().toString();
    }
}
