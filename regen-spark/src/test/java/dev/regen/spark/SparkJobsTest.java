package dev.regen.spark;

import dev.regen.config.Background;
import dev.regen.config.DataConfig;
import dev.regen.config.FeatureNorm;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelKind;
import dev.regen.config.ModelConfig;
import dev.regen.config.TrainConfig;
import dev.regen.data.ArrayDataset;
import dev.regen.data.DataSource;
import dev.regen.data.IdxReader;
import dev.regen.data.ImageDataset;
import dev.regen.data.ImageDecoder;
import dev.regen.data.damage.Corruptions;
import dev.regen.data.damage.Task;
import dev.regen.io.ImageWriter;
import dev.regen.eval.ClassifierEvaluator;
import dev.regen.model.Classifier;
import dev.regen.model.SavedModel;
import dev.regen.model.Vae;
import dev.regen.restore.ImageRestorer;
import dev.regen.restore.Method;
import dev.regen.restore.RestoreSettings;
import dev.regen.sample.Embedder;
import dev.regen.sample.Inversion;
import dev.regen.train.Run;
import dev.regen.train.TrainingListener;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark jobs on local[2], against the library's own results for the same images. */
class SparkJobsTest {
    private static final int IMAGES = 150;
    @TempDir
    static Path temp;
    static Path model;
    static Path images;

    @BeforeAll
    static void prepare() throws Exception {
        Path fashion = Path.of("..", "data", "fashion-mnist");
        DataConfig data = DataConfig.of(fashion.toString());
        TrainConfig training = TrainConfig.builder().epochs(1).batchSize(64).threads(2).build();
        DataSource.Prepared prepared = DataSource.prepare(data, training.seed());
        Run.start(ModelConfig.convVae(prepared.split().train().shape()), training, data, prepared.split(),
                temp.resolve("vae"), "test", new TrainingListener() { });
        model = temp.resolve("vae/model.regen");
        ImageDataset test = IdxReader.read(fashion.resolve("t10k-images-idx3-ubyte.gz"), null);
        images = temp.resolve("images");
        Files.createDirectories(images.resolve("nested"));
        float[] pixels = new float[test.shape().size()];
        for (int i = 0; i < IMAGES; i++) {
            test.read(i, pixels, 0);
            ImageWriter.writePng(pixels, test.shape(), (i % 2 == 0 ? images : images.resolve("nested"))
                    .resolve(String.format("%04d.png", i)));
        }
        Files.writeString(images.resolve("broken.png"), "not an image");
        Run.start(new ModelConfig(ModelKind.CLASSIFIER, prepared.split().train().shape(), 32, Likelihood.BERNOULLI, 16,
                prepared.split().train().classes()), training, data, prepared.split(), temp.resolve("classifier"),
                "test", new TrainingListener() { });
        Path emoji = Path.of("..", "data", "emoji");
        DataConfig pairs = new DataConfig(emoji.resolve("google").toString(), 3, 32, 32, null, 0.1, false,
                Background.WHITE, null, 0, null, emoji.resolve("twitter").toString(), false, 0);
        DataSource.Prepared paired = DataSource.prepare(pairs, training.seed());
        Run.start(ModelConfig.translator(ModelKind.PIX2PIX, paired.targetShape(), paired.inputChannels(), 8,
                FeatureNorm.INSTANCE), TrainConfig.builder().epochs(1).batchSize(16).threads(2).build(), pairs,
                paired.split(), temp.resolve("pix2pix"), "test", new TrainingListener() { });
        DataConfig few = new DataConfig(fashion.toString(), 0, 0, 0, null, 0.1, false, Background.WHITE, null, 50,
                null, null, false, 0);
        DataSource.Prepared clean = DataSource.prepare(few, training.seed());
        Run.start(ModelConfig.translator(ModelKind.PIX2PIX, clean.split().train().shape(), 1, 8, FeatureNorm.INSTANCE),
                TrainConfig.builder().epochs(1).batchSize(16).threads(2).inputDamage(Corruptions.parse("noise:0.2"))
                        .build(), few, clean.split(), temp.resolve("denoiser"), "test", new TrainingListener() { });
    }

    @Test
    void writesTheClassifierFeaturesOfEveryImageAsTheLibraryComputesThem() throws Exception {
        Path out = temp.resolve("features");
        Path classifierFile = temp.resolve("classifier/model.regen");
        Job job = run("score", classifierFile.toString(), "--input", images.toString(), "--out", out.toString());
        assertEquals(0, job.exit, job.err);
        List<Row> rows = table(out);
        assertEquals(IMAGES, rows.size());
        Classifier classifier = SavedModel.load(classifierFile).classifier();
        for (Row row : rows.subList(0, 5)) {
            ImageDecoder.Decoded image = decoded(name(row.getString(0)));
            float[] expected = ClassifierEvaluator.features(classifier, new ArrayDataset(image.shape(), image.pixels(),
                    null, "one"));
            List<Float> features = row.getList(1);
            assertEquals(expected.length, features.size());
            for (int d = 0; d < expected.length; d++) {
                assertEquals(expected[d], features.get(d), 1e-4, "feature " + d);
            }
            assertEquals(ClassifierEvaluator.predict(classifier, expected, 1)[0], row.getInt(2));
        }
    }

    @Test
    void drawsSyntheticImagesInSeededChunks() throws Exception {
        Path out = temp.resolve("synthetic");
        Job job = run("augment", model.toString(), "--n", "100", "--chunk", "32", "--seed", "7", "--out",
                out.toString());
        assertEquals(0, job.exit, job.err);
        assertTrue(job.out.contains("drew 100 images in 4 chunks"), job.out);
        Map<Integer, byte[]> byIndex = new TreeMap<>();
        for (Row row : table(out)) {
            assertEquals(-1, row.getInt(1), "an unconditional model's images have no label");
            byIndex.put(row.getInt(0), (byte[]) row.get(2));
        }
        assertEquals(100, byIndex.size());
        // Image 33 is the second of chunk 1, drawn with seed 7 + 1.
        Vae vae = SavedModel.load(model).vae();
        float[] chunk = dev.regen.sample.Sampler.sample(vae, 32, 8, null);
        byte[] expected = ImageWriter.pngBytes(ImageWriter.toImage(chunk, 784, vae.config().shape()));
        assertTrue(java.util.Arrays.equals(expected, byIndex.get(33)), "image 33 is chunk 1's second sample");
        Job labelled = run("augment", model.toString(), "--n", "10", "--label", "3", "--out",
                temp.resolve("l").toString());
        assertEquals(1, labelled.exit);
        assertTrue(labelled.err.contains("--label needs a conditional model"), labelled.err);
    }

    @Test
    void translatesEveryImageAtItsOwnSize() throws Exception {
        Path input = Path.of("..", "data", "emoji", "google", "test");
        Path out = temp.resolve("translated");
        Job job = run("translate", temp.resolve("pix2pix/model.regen").toString(), "--input", input.toString(),
                "--out", out.toString());
        assertEquals(0, job.exit, job.err);
        long files;
        try (var listing = Files.walk(input)) {
            files = listing.filter(p -> p.toString().endsWith(".png")).count();
        }
        List<Row> rows = table(out);
        assertEquals(files, rows.size());
        BufferedImage first = ImageIO.read(new ByteArrayInputStream((byte[]) rows.get(0).get(1)));
        assertEquals(64, first.getWidth(), "64x64 emoji translated at 64x64 by a model trained at 32x32");
    }

    @AfterAll
    static void stop() {
        SparkSession.getActiveSession().foreach(session -> {
            session.stop();
            return null;
        });
    }

    @Test
    void embedsEveryImageAsTheLibraryDoesAndCountsTheUnreadableOne() throws Exception {
        Path out = temp.resolve("codes");
        Job job = run("embed", model.toString(), "--input", images.toString(), "--out", out.toString());
        assertEquals(0, job.exit, job.err);
        assertTrue(job.out.contains("embedded " + IMAGES + " images"), job.out);
        assertTrue(job.out.contains("skipped 1 unreadable"), job.out);
        Map<String, float[]> codes = new TreeMap<>();
        for (Row row : table(out)) {
            List<Float> code = row.getList(1);
            float[] values = new float[code.size()];
            for (int d = 0; d < values.length; d++) {
                values[d] = code.get(d);
            }
            codes.put(name(row.getString(0)), values);
        }
        assertEquals(IMAGES, codes.size());
        Vae vae = SavedModel.load(model).vae();
        List<String> names = new ArrayList<>(codes.keySet());
        float[] all = new float[names.size() * 784];
        for (int i = 0; i < names.size(); i++) {
            System.arraycopy(decoded(names.get(i)).pixels(), 0, all, i * 784, 784);
        }
        float[] expected = Embedder.codes(vae, new ArrayDataset(vae.config().shape(), all, null, "images"),
                Inversion.defaults(), (done, total) -> { });
        int latent = vae.config().latent();
        for (int i = 0; i < names.size(); i++) {
            for (int d = 0; d < latent; d++) {
                // Batches of other sizes sum in another order: agreement to float rounding.
                assertEquals(expected[i * latent + d], codes.get(names.get(i))[d], 1e-4, names.get(i) + " dimension " + d);
            }
        }
    }

    @Test
    void restoresEveryImageAsRegenRestoreDoes() throws Exception {
        Path out = temp.resolve("restored");
        Job job = run("restore", model.toString(), "--input", images.toString(), "--out", out.toString(), "--task",
                "denoise", "--sigma", "0.2", "--method", "projection", "--strict");
        assertEquals(1, job.exit, "--strict fails on the unreadable file");
        assertTrue(job.err.contains("cannot decode image") && job.err.contains("broken.png"), job.err);
        Files.delete(images.resolve("broken.png"));
        try {
            job = run("restore", model.toString(), "--input", images.toString(), "--out", out.toString(), "--task",
                    "denoise", "--sigma", "0.2", "--method", "projection");
            assertEquals(0, job.exit, job.err);
        } finally {
            Files.writeString(images.resolve("broken.png"), "not an image");
        }
        List<Row> rows = table(out);
        assertEquals(IMAGES, rows.size());
        // A job's table of images feeds the next job.
        Job chained = run("embed", model.toString(), "--input", out.toString(), "--parquet", "--out",
                temp.resolve("restored-codes").toString());
        assertEquals(0, chained.exit, chained.err);
        assertEquals(IMAGES, table(temp.resolve("restored-codes")).size());
        Job notImages = run("embed", model.toString(), "--input", temp.resolve("restored-codes").toString(),
                "--parquet", "--out", temp.resolve("w").toString());
        assertEquals(1, notImages.exit);
        assertTrue(notImages.err.contains("an image table needs path and content (or png)"), notImages.err);
        ImageRestorer restorer = new ImageRestorer(SavedModel.load(model).generative(), Task.DENOISE.observedDamage(0.2,
                null, 2), Method.PROJECTION, new RestoreSettings(4, 300, 0.05, 8, 5));
        for (Row row : rows.subList(0, 10)) {
            String name = name(row.getString(0));
            ImageDecoder.Decoded image = decoded(name);
            ImageRestorer.Output expected = restorer.restore(List.of(new ImageRestorer.Input(name, image.pixels(),
                    image.shape())), 1, (done, total) -> { }).get(0);
            assertSamePixels(expected, (byte[]) row.get(1), name);
        }
    }

    @Test
    void restoresWithANetworkTrainedForTheDamageByItsOwnPass() throws Exception {
        Path denoiser = temp.resolve("denoiser/model.regen");
        Path out = temp.resolve("denoised");
        Job job = run("restore", denoiser.toString(), "--input", images.resolve("nested").toString(), "--out",
                out.toString(), "--task", "denoise", "--sigma", "0.2");
        assertEquals(0, job.exit, job.err);
        ImageRestorer restorer = new ImageRestorer(SavedModel.load(denoiser).model(), Task.DENOISE.observedDamage(0.2,
                null, 2), Method.NETWORK, RestoreSettings.defaults());
        for (Row row : table(out)) {
            String name = name(row.getString(0));
            ImageDecoder.Decoded image = decoded(name);
            ImageRestorer.Output expected = restorer.restore(List.of(new ImageRestorer.Input(name, image.pixels(),
                    image.shape())), 1, (done, total) -> { }).get(0);
            assertSamePixels(expected, (byte[]) row.get(1), name);
        }
        Job otherTask = run("restore", denoiser.toString(), "--input", images.toString(), "--out",
                temp.resolve("u").toString(), "--task", "superres");
        assertEquals(1, otherTask.exit);
        assertTrue(otherTask.err.contains("was trained to denoise (noise:0.2), not to undo down:2"), otherTask.err);
        Job translator = run("restore", temp.resolve("pix2pix/model.regen").toString(), "--input", images.toString(),
                "--out", temp.resolve("v").toString(), "--task", "denoise");
        assertEquals(1, translator.exit);
        assertTrue(translator.err.contains("was not trained for a restoration task"), translator.err);
    }

    @Test
    void scoresEveryImageWithTheChosenAnomalyScores() {
        Path out = temp.resolve("scores");
        Job job = run("anomaly", model.toString(), "--input", images.toString(), "--out", out.toString(), "--score",
                "elbo,reconstruction");
        assertEquals(0, job.exit, job.err);
        List<Row> rows = table(out);
        assertEquals(IMAGES, rows.size());
        for (Row row : rows) {
            assertTrue(row.getDouble(1) > 0 && row.getDouble(2) > 0, row.toString());
        }
        Job complexity = run("anomaly", model.toString(), "--input", images.toString(), "--out",
                temp.resolve("z").toString(), "--score", "complexity");
        assertEquals(1, complexity.exit);
        assertTrue(complexity.err.contains("needs a model trained with --likelihood logistic"), complexity.err);
        Job translate = run("translate", model.toString(), "--input", images.toString(), "--out",
                temp.resolve("t").toString());
        assertEquals(1, translate.exit);
        assertTrue(translate.err.contains("this needs a 'pix2pix' or 'cyclegan' model"), translate.err);
    }

    @Test
    void aModelOfAnotherFamilyOrAMissingOneGetsOneLine() throws Exception {
        Job missing = run("embed", temp.resolve("none.regen").toString(), "--input", images.toString(), "--out",
                temp.resolve("x").toString());
        assertEquals(1, missing.exit);
        assertTrue(missing.err.startsWith("error: no model file"), missing.err);
        Job inpaint = run("restore", model.toString(), "--input", images.toString(), "--out",
                temp.resolve("y").toString(), "--task", "inpaint");
        assertEquals(1, inpaint.exit);
        assertTrue(inpaint.err.contains("needs each image's mask"), inpaint.err);
    }

    private record Job(int exit, String out, String err) {
    }

    private static Job run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        java.io.StringWriter err = new java.io.StringWriter();
        int exit;
        try {
            System.setOut(new java.io.PrintStream(out, true));
            exit = SparkMain.commandLine().setErr(new PrintWriter(err, true)).execute(args);
        } finally {
            System.setOut(original);
        }
        return new Job(exit, out.toString(), err.toString());
    }

    /**
     * The job's image against the library's, to one grey level: the job's batches of 64 and the
     * library's single image may take kernels that round differently on some CPUs (an AMD EPYC).
     */
    private static void assertSamePixels(ImageRestorer.Output library, byte[] png, String name) throws Exception {
        BufferedImage mine = ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage expected = ImageIO.read(new ByteArrayInputStream(ImageWriter.pngBytes(ImageWriter.toImage(
                library.restored(), 0, library.shape()))));
        assertEquals(expected.getWidth(), mine.getWidth(), name);
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRaster().getSample(x, y, 0), mine.getRaster().getSample(x, y, 0), 1,
                        name + " pixel (" + x + ", " + y + ")");
            }
        }
    }

    private static List<Row> table(Path out) {
        return SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate().read()
                .parquet(out.toString()).collectAsList();
    }

    private static String name(String path) {
        return path.substring(path.indexOf(images.getFileName().toString()) + images.getFileName().toString().length() + 1);
    }

    private static ImageDecoder.Decoded decoded(String name) {
        return ImageDecoder.read(images.resolve(name));
    }
}
