package dev.regen.spark;

import dev.regen.RegenException;
import dev.regen.config.Background;
import dev.regen.config.ImageShape;
import dev.regen.data.ImageDecoder;
import dev.regen.data.Reshaped;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The images of a job: every image file under a folder, read by Spark's {@code binaryFile}
 * source (path and bytes), in path order, and decoded on the executors in batches. A file that is
 * no readable image is counted and skipped, or fails the job when it is strict.
 */
final class ImageFiles implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String IMAGES = "*.{png,PNG,jpg,JPG,jpeg,JPEG,bmp,BMP,gif,GIF,tif,TIF,tiff,TIFF,webp,WEBP}";

    private final boolean strict;
    private final LongAccumulator skipped;

    ImageFiles(SparkSession spark, boolean strict) {
        this.strict = strict;
        this.skipped = spark.sparkContext().longAccumulator("unreadable images");
    }

    /**
     * Path and file bytes of every image in {@code input}, sorted by path: the image files under a
     * folder, or the rows of a Parquet table with a {@code path} column and the bytes in
     * {@code content} (as {@code binaryFile} names it) or {@code png} (as Regen's jobs write them).
     */
    static Dataset<Row> read(SparkSession spark, String input, boolean parquet) {
        if (!parquet) {
            return spark.read().format("binaryFile").option("pathGlobFilter", IMAGES)
                    .option("recursiveFileLookup", "true").load(input).select("path", "content").orderBy("path");
        }
        Dataset<Row> table = spark.read().parquet(input);
        List<String> columns = List.of(table.columns());
        String bytes = columns.contains("content") ? "content" : columns.contains("png") ? "png" : null;
        if (!columns.contains("path") || bytes == null) {
            throw new RegenException("the table " + input + " has the columns " + columns + "; an image table needs "
                    + "path and content (or png)");
        }
        return table.select("path", bytes).orderBy("path");
    }

    /** One decoded image and the path it came from. */
    record Decoded(String path, ImageDecoder.Decoded image) {
    }

    /** The images one after the other at {@code shape}, each resized and converted as data reading does. */
    static float[] atShape(List<Decoded> images, ImageShape shape) {
        float[] pixels = new float[images.size() * shape.size()];
        for (int i = 0; i < images.size(); i++) {
            ImageDecoder.Decoded image = images.get(i).image();
            System.arraycopy(Reshaped.image(image.pixels(), image.shape(), shape), 0, pixels, i * shape.size(),
                    shape.size());
        }
        return pixels;
    }

    /**
     * The rows of {@code partition} decoded (transparent pixels onto {@code background}) and
     * handed to {@code process} {@code batch} at a time, lazily: its output rows in order, with
     * one batch in memory at a time however large the partition.
     */
    Iterator<Row> inBatches(Iterator<Row> partition, Background background, int batch,
                            Function<List<Decoded>, List<Row>> process) {
        return new Iterator<>() {
            private Iterator<Row> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && partition.hasNext()) {
                    List<Decoded> images = nextBatch(partition, background, batch);
                    current = images.isEmpty() ? Collections.emptyIterator() : process.apply(images).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** Up to {@code batch} readable images from {@code partition}. */
    private List<Decoded> nextBatch(Iterator<Row> partition, Background background, int batch) {
        List<Decoded> images = new ArrayList<>();
        while (images.size() < batch && partition.hasNext()) {
            Row row = partition.next();
            String path = row.getString(0);
            try {
                images.add(new Decoded(path, ImageDecoder.decode(path, (byte[]) row.get(1), background)));
            } catch (RegenException e) {
                if (strict) {
                    throw e;
                }
                skipped.add(1);
            }
        }
        return images;
    }

    /** Files skipped as unreadable so far (read once the job's action has run). */
    long skipped() {
        return skipped.value();
    }
}
