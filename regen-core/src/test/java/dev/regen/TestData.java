package dev.regen;

import dev.regen.config.DataConfig;
import dev.regen.data.ArrayDataset;
import dev.regen.data.DataSource;
import dev.regen.data.IdxReader;
import dev.regen.data.Split;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Fashion-MNIST sample shipped in the repository, and small IDX folders cut from it. */
public final class TestData {
    /** The shipped sample folder, seen from a module's directory. */
    public static final Path FASHION = Path.of("..", "data", "fashion-mnist");

    private TestData() {
    }

    /** A complete manifest of family {@code type} for a 28x28 conv VAE, for model-file tests. */
    public static dev.regen.io.Manifest manifest(String type) {
        return new dev.regen.io.Manifest(dev.regen.io.ModelFile.FORMAT, dev.regen.io.ModelFile.FORMAT_VERSION, type,
                dev.regen.config.ModelConfig.convVae(new dev.regen.config.ImageShape(1, 28, 28)),
                dev.regen.config.TrainConfig.defaults(), DataConfig.of("data"),
                new dev.regen.config.TrainingState(3, 300),
                new dev.regen.config.Provenance("data", "regen train", "0.1.0", "engine", "17", "now"));
    }

    /** The shipped training images with labels. */
    public static ArrayDataset fashionTrain() {
        return IdxReader.read(FASHION.resolve("train-images-idx3-ubyte.gz"), FASHION.resolve("train-labels-idx1-ubyte.gz"));
    }

    /** The shipped test images with labels. */
    public static ArrayDataset fashionTest() {
        return IdxReader.read(FASHION.resolve("t10k-images-idx3-ubyte.gz"), FASHION.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    /** Writes a folder with the first {@code train} and {@code test} real images as plain IDX files. */
    public static Path smallIdxFolder(Path folder, int train, int test) {
        try {
            Files.createDirectories(folder);
            writeIdx(fashionTrain(), train, folder.resolve("train-images-idx3-ubyte"), folder.resolve("train-labels-idx1-ubyte"));
            writeIdx(fashionTest(), test, folder.resolve("t10k-images-idx3-ubyte"), folder.resolve("t10k-labels-idx1-ubyte"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small IDX folder's data options and its prepared train/test split. */
    public record Prepared(DataConfig config, Split split) {
    }

    /** A {@link #smallIdxFolder} prepared the way {@code regen train} prepares its data, with {@code seed}. */
    public static Prepared prepared(Path folder, int train, int test, long seed) {
        DataConfig config = DataConfig.of(smallIdxFolder(folder, train, test).toString());
        return new Prepared(config, DataSource.prepare(config, seed).split());
    }

    /** Writes the first {@code n} images of {@code data} (1-channel) as IDX image and label files. */
    public static void writeIdx(ArrayDataset data, int n, Path images, Path labels) throws IOException {
        int h = data.shape().height();
        int w = data.shape().width();
        ByteBuffer img = ByteBuffer.allocate(16 + n * h * w);
        img.putInt(0x00000803).putInt(n).putInt(h).putInt(w);
        float[] pixels = new float[data.shape().size()];
        ByteBuffer lab = ByteBuffer.allocate(8 + n);
        lab.putInt(0x00000801).putInt(n);
        for (int i = 0; i < n; i++) {
            data.read(i, pixels, 0);
            for (float p : pixels) {
                img.put((byte) Math.round(p * 255));
            }
            lab.put((byte) data.label(i));
        }
        Files.write(images, img.array());
        Files.write(labels, lab.array());
    }

    /** {@code raw} gzipped. */
    public static byte[] gzip(byte[] raw) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
