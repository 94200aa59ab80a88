package dev.regen.spark;

import dev.regen.RegenException;
import dev.regen.config.Check;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;

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

    /** A session on {@code --master}, or the one spark-submit configured, with the model shipped. */
    SparkSession session(String job) {
        Check.range("--batch", batch, 1, 65_536);
        return session(master, model, job);
    }

    /** A session on {@code master} (null: spark-submit's, else local[2]) that ships {@code model} to the executors. */
    static SparkSession session(String master, Path model, String job) {
        if (!Files.isRegularFile(model)) {
            throw new RegenException("no model file " + model);
        }
        SparkConf conf = new SparkConf();
        String url = master != null ? master : conf.get("spark.master", "local[2]");
        SparkSession spark = SparkSession.builder().appName("regen " + job).master(url)
                .config("spark.ui.enabled", "false").getOrCreate();
        // Spark logs each failed task at ERROR; the job's own error line says what went wrong.
        spark.sparkContext().setLogLevel("FATAL");
        spark.sparkContext().addFile(model.toAbsolutePath().toString());
        return spark;
    }

    /** The job's images: path and file bytes, sorted by path. */
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> images(SparkSession spark) {
        return ImageFiles.read(spark, input, parquet);
    }

    /** The name the executors find the model under. */
    String modelName() {
        return model.getFileName().toString();
    }
}
