package dev.regen.data;

import dev.regen.Fuzz;
import dev.regen.TestData;
import org.junit.jupiter.api.BeforeEach;
import net.jqwik.api.Example;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Fuzzes the IDX reader's image and label files from real Fashion-MNIST seeds, plain and gzipped. */
class IdxReaderFuzzTest {
    /** The seeds are a few KiB: a read that allocates more than this was steered by a header. */
    private static final long ALLOCATION_LIMIT = 64L << 20;

    private final Path images = Path.of("target", "fuzz-seeds", "seed-images-idx3-ubyte");
    private final byte[] imageBytes;
    private final byte[] labelBytes;

    IdxReaderFuzzTest() throws Exception {
        Path labels = images.resolveSibling("seed-labels-idx1-ubyte");
        Files.createDirectories(images.getParent());
        TestData.writeIdx(TestData.fashionTest(), 2, images, labels);
        imageBytes = Files.readAllBytes(images);
        labelBytes = Files.readAllBytes(labels);
    }

    @Example
    void imageFilesAreReadOrRefused() {
        // One 1 x 2 x 3 x 3 image: rank 4, channels last.
        byte[] rgb = {0, 0, 8, 4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 10, 20, 30, 40, 50, 60};
        Fuzz.run("idx-images", Fuzz.mutants(List.of(imageBytes, TestData.gzip(imageBytes), rgb)),
                "images-idx3-ubyte", ALLOCATION_LIMIT, file -> IdxReader.read(file, null));
    }

    @Example
    void labelFilesAreReadOrRefused() {
        Fuzz.run("idx-labels", Fuzz.mutants(List.of(labelBytes, TestData.gzip(labelBytes))), "labels-idx1-ubyte",
                ALLOCATION_LIMIT, file -> IdxReader.read(images, file));
    }
}
