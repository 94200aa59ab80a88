package dev.regen.augment;

import dev.regen.RegenException;
import dev.regen.config.Background;
import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.data.DataSource;
import dev.regen.data.ImageDataset;
import dev.regen.io.AtomicFiles;
import dev.regen.model.Classifier;
import dev.regen.model.Vae;
import dev.regen.nn.Torch;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticImagesTest {
    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        Torch.start(2);
    }

    private static Vae conditional(int classes) {
        return new Vae(new ModelConfig(ModelKind.CONV_VAE, new ImageShape(1, 8, 8), 4, Likelihood.BERNOULLI, 8,
                classes));
    }

    @Test
    void classFoldersSortInLabelOrder() {
        assertEquals("7", SyntheticImages.classFolder(7, 10));
        assertEquals("07", SyntheticImages.classFolder(7, 11));
        assertEquals("007", SyntheticImages.classFolder(7, 120));
        assertArrayEquals(new int[]{0, 1, 2, 0, 1}, SyntheticImages.balanced(5, 3));
    }

    @Test
    void aConditionalModelsImagesReadBackWithTheLabelsTheyWereDrawnFor() throws IOException {
        Vae vae = conditional(12);
        Path out = temp.resolve("synthetic");
        SyntheticImages.write(vae, 30, SyntheticImages.balanced(30, 12), 5, null, out, (done, total) -> { });
        ImageDataset read = DataSource.open(out, own -> own, true, Background.WHITE).train();
        assertEquals(30, read.size());
        assertEquals(12, read.classes());
        assertEquals(new ImageShape(1, 8, 8), read.shape());
        int[] perClass = new int[12];
        for (int label : read.labels()) {
            perClass[label]++;
        }
        assertArrayEquals(new int[]{3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2}, perClass);

        Path again = temp.resolve("again");
        SyntheticImages.write(vae, 30, SyntheticImages.balanced(30, 12), 5, null, again, (done, total) -> { });
        for (Path file : files(out)) {
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again.resolve(out.relativize(file))),
                    "the same seed writes the same image: " + file);
        }
        RegenException exists = assertThrows(RegenException.class,
                () -> SyntheticImages.write(vae, 3, SyntheticImages.balanced(3, 12), 5, null, out, (d, t) -> { }));
        assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
    }

    @Test
    void badLabelsAndAFailedWriteLeaveNoFolder() {
        Vae vae = conditional(3);
        Path out = temp.resolve("never");
        assertThrows(RegenException.class, () -> SyntheticImages.write(vae, 4, null, 1, null, out, (d, t) -> { }));
        RegenException range = assertThrows(RegenException.class,
                () -> SyntheticImages.write(vae, 2, new int[]{0, 3}, 1, null, out, (d, t) -> { }));
        assertTrue(range.getMessage().contains("label 3 is out of range"), range.getMessage());
        assertThrows(RegenException.class, () -> AtomicFiles.writeFolder(out, tmp -> {
            Files.writeString(tmp.resolve("half.txt"), "written before the failure");
            throw new IOException("disk full");
        }));
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(temp.resolve(".never.tmp")));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void aFilterKeepsOnlyTheSamplesItAssignsToTheirClassAndRefusesAModelItCannotRecognise() throws IOException {
        Vae vae = conditional(3);
        Classifier onlyZero = new Classifier(new ModelConfig(ModelKind.CLASSIFIER, new ImageShape(1, 8, 8), 4,
                Likelihood.BERNOULLI, 4, 3));
        try (NoGradGuard noGrad = new NoGradGuard()) {
            // Zero weights and a large bias on class 0: whatever the image, the classifier says 0.
            onlyZero.named_parameters().get("logits.weight").zero_();
            onlyZero.named_parameters().get("logits.bias").copy_(Tensor.create(new float[]{100f, 0f, 0f}, 3));
        }
        Path zeros = temp.resolve("zeros");
        assertEquals(1.0, SyntheticImages.write(vae, 5, SyntheticImages.only(5, 0), 2, onlyZero, zeros, (d, t) -> { }));
        assertEquals(5, files(zeros).size());
        Path mixed = temp.resolve("mixed");
        RegenException never = assertThrows(RegenException.class, () -> SyntheticImages.write(vae, 6,
                SyntheticImages.balanced(6, 3), 2, onlyZero, mixed, (d, t) -> { }));
        assertTrue(never.getMessage().contains("does not recognise the model's classes"), never.getMessage());
        assertFalse(Files.exists(mixed), "nothing half-written");
        Classifier otherShape = new Classifier(new ModelConfig(ModelKind.CLASSIFIER, new ImageShape(1, 4, 4), 4,
                Likelihood.BERNOULLI, 4, 3));
        RegenException fit = assertThrows(RegenException.class, () -> SyntheticImages.write(vae, 2,
                SyntheticImages.only(2, 0), 2, otherShape, mixed, (d, t) -> { }));
        assertTrue(fit.getMessage().contains("a classifier of its image shape and classes"), fit.getMessage());
    }
}
