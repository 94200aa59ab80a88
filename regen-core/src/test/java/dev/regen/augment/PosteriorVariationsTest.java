package dev.regen.augment;

import dev.regen.RegenException;
import dev.regen.config.Background;
import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.data.ArrayDataset;
import dev.regen.data.DataSource;
import dev.regen.data.ImageDataset;
import dev.regen.model.Vae;
import dev.regen.nn.Torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PosteriorVariationsTest {
    private static final ImageShape SHAPE = new ImageShape(1, 8, 8);
    private static final int REAL = 10;
    private static final int[] LABELS = {0, 1, 2, 0, 1, 2, 0, 1, 2, 2};

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        Torch.start(2);
    }

    private static ArrayDataset real(int[] labels) {
        float[] pixels = new float[REAL * SHAPE.size()];
        Random random = new Random(3);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        return new ArrayDataset(SHAPE, pixels, labels, "random images");
    }

    private static Vae conditional() {
        return new Vae(new ModelConfig(ModelKind.CONV_VAE, SHAPE, 4, Likelihood.BERNOULLI, 8, 3));
    }

    @Test
    void eachVariationKeepsItsSourcesLabelAndStaysNearerItThanAnyOtherRealImage() {
        ArrayDataset real = real(LABELS);
        Path out = temp.resolve("variations");
        PosteriorVariations.write(conditional(), real, 25, 7, out, (done, total) -> { });
        ImageDataset read = DataSource.open(out, own -> own, true, Background.WHITE).train();
        assertEquals(25, read.size());
        assertEquals(3, read.classes());
        int at = 0;
        for (int label = 0; label < 3; label++) {
            int wanted = label;
            int[] sources = IntStream.range(0, 25).map(i -> i % REAL).filter(s -> LABELS[s] == wanted).toArray();
            for (int source : sources) {
                assertEquals(label, read.label(at), "image " + at);
                float[] variation = read.read(at);
                double own = distance(variation, real.read(source));
                assertTrue(own > 0, "a posterior draw moves the image");
                for (int other = 0; other < REAL; other++) {
                    assertTrue(other == source || own < distance(variation, real.read(other)),
                            "variation of " + source + " is nearer it than " + other);
                }
                at++;
            }
        }
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    @Test
    void theSameSeedWritesTheSameImagesAndBadInputWritesNothing() throws IOException {
        Vae vae = conditional();
        ArrayDataset real = real(LABELS);
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        PosteriorVariations.write(vae, real, 12, 7, first, (done, total) -> { });
        PosteriorVariations.write(vae, real, 12, 7, second, (done, total) -> { });
        try (var files = Files.walk(first)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(second.resolve(first.relativize(file))));
            }
        }
        Path bad = temp.resolve("bad");
        RegenException unlabelled = assertThrows(RegenException.class,
                () -> PosteriorVariations.write(vae, real(null), 5, 1, bad, (d, t) -> { }));
        assertEquals("a conditional model varies images labelled with its 3 classes, got unlabelled images",
                unlabelled.getMessage());
        Vae other = new Vae(new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 16, 16), 4, Likelihood.BERNOULLI,
                8, 3));
        assertThrows(RegenException.class, () -> PosteriorVariations.write(other, real, 5, 1, bad, (d, t) -> { }));
        assertFalse(Files.exists(bad));
    }
}
