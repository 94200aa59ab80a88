package dev.regen.spark;

import dev.regen.RegenException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.util.UUID;

/** What the jobs share: writing their rows as a Parquet table, whole or not at all, and saying what they did. */
final class Jobs {
    private Jobs() {
    }

    /** Fails unless {@code out} is free, before any executor works. */
    static void requireFree(SparkSession spark, String out) {
        try {
            Path path = new Path(out);
            if (path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
                throw new RegenException(out + " already exists: give the table a new path");
            }
        } catch (IOException e) {
            throw new RegenException("cannot check " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code rows} as Parquet into a temporary sibling of {@code out} and renames it to
     * {@code out} once complete, so a failed job leaves nothing; returns the row count.
     */
    static long write(SparkSession spark, JavaRDD<Row> rows, StructType schema, String out) {
        Path target = new Path(out);
        Path temporary = new Path(target.getParent(), "." + target.getName() + "-" + UUID.randomUUID());
        FileSystem fs;
        try {
            fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new RegenException("cannot reach " + out + ": " + e.getMessage(), e);
        }
        try {
            spark.createDataFrame(rows, schema).write().parquet(temporary.toString());
            if (!fs.rename(temporary, target)) {
                throw new RegenException("cannot move the finished table to " + out);
            }
        } catch (IOException e) {
            throw new RegenException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                fs.delete(temporary, true);
            } catch (IOException e) {
                // The table is written or the job failed already; a stray temporary folder is all that is left.
                System.err.println("warning: could not remove " + temporary + ": " + e.getMessage());
            }
        }
        return spark.read().parquet(out).count();
    }

    static void report(String did, long count, ImageFiles files, String out) {
        System.out.println(did + " " + count + " images -> " + out
                + (files.skipped() > 0 ? " (skipped " + files.skipped() + " unreadable files; --strict fails on them)"
                : ""));
    }
}
