package dev.regen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regen.data.IdxReader;
import dev.regen.data.ImageDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data-parallel training across processes on loopback, each {@code regen train} a process of its
 * own (the process group is one per process, like the engine).
 */
class DistributedTrainingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Two ranks of 32 against one process of 64 images a step: the same numbers summed in another
     * order (each rank's mean, then their weighted sum), so the epochs' losses agree to within float
     * rounding: 5e-8 relative after eight steps, measured; a rank drawing other noise or rows than its
     * own would differ by about 1e-3.
     */
    private static final double TOLERANCE = 1e-6;
    @TempDir
    static Path temp;
    static Path data;

    @BeforeAll
    static void data() throws IOException {
        Path fashion = Path.of("..", "data", "fashion-mnist");
        ImageDataset all = IdxReader.read(fashion.resolve("train-images-idx3-ubyte.gz"),
                fashion.resolve("train-labels-idx1-ubyte.gz"));
        data = temp.resolve("images");
        Files.createDirectories(data.resolve("train"));
        Files.createDirectories(data.resolve("test"));
        float[] pixels = new float[all.shape().size()];
        for (int i = 0; i < 320; i++) {
            all.read(i, pixels, 0);
            dev.regen.io.ImageWriter.writePng(pixels, all.shape(), data.resolve(i < 256 ? "train" : "test")
                    .resolve(String.format("%03d.png", i)));
        }
    }

    @Test
    void twoProcessesTrainAsOneWithTheSameGlobalBatch() throws Exception {
        Path one = temp.resolve("one");
        Path two = temp.resolve("two");
        assertEquals(0, regen(trainArgs(one, 2)).exit, "one process");
        // Options the started ranks are given anew (here --join-timeout) must not reach them twice.
        Run ranks = regen(withAll(trainArgs(two, 2), "--processes", "2", "--join-timeout", "120"));
        assertEquals(0, ranks.exit, ranks.err);
        List<JsonNode> alone = epochs(one);
        List<JsonNode> together = epochs(two);
        assertEquals(2, together.size());
        for (int e = 0; e < 2; e++) {
            double a = alone.get(e).get("train").get("loss").asDouble();
            double b = together.get(e).get("train").get("loss").asDouble();
            assertEquals(a, b, TOLERANCE * a, "epoch " + (e + 1) + " training loss");
            double ta = alone.get(e).get("test").get("-elbo").asDouble();
            double tb = together.get(e).get("test").get("-elbo").asDouble();
            assertEquals(ta, tb, TOLERANCE * ta, "epoch " + (e + 1) + " test -ELBO");
        }
        assertTrue(Files.exists(two.resolve("model.regen")), "rank 0 wrote the run");
    }

    @Test
    void aDistributedRunStoppedAndResumedEndsWhereTheUninterruptedOneDoes() throws Exception {
        Path whole = temp.resolve("whole");
        Path split = temp.resolve("split");
        assertEquals(0, regen(withAll(trainArgs(whole, 2), "--processes", "2")).exit);
        assertEquals(0, regen(withAll(trainArgs(split, 1), "--processes", "2")).exit);
        Run resumed = regen(List.of("resume", split.toString(), "--epochs", "2", "--processes", "2"));
        assertEquals(0, resumed.exit, resumed.err);
        assertEquals(epochs(whole).get(1).get("train").toString(), epochs(split).get(1).get("train").toString());
        assertEquals(epochs(whole).get(1).get("test").toString(), epochs(split).get(1).get("test").toString());
    }

    @Test
    void aRankThatCannotReachItsMasterOrDisagreesFailsInOneLine() throws Exception {
        long start = System.nanoTime();
        Run alone = regen(withAll(trainArgs(temp.resolve("lost"), 1), "--world-size", "2", "--rank", "1",
                "--master", "127.0.0.1:9", "--join-timeout", "3"));
        assertEquals(1, alone.exit, alone.err);
        assertTrue(alone.err.contains("could not join the 2 ranks at 127.0.0.1:9 within 3 s"), alone.err);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60), "no hang");

        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> common = List.of("--world-size", "2", "--master", "127.0.0.1:" + port, "--join-timeout", "30");
        Process rank0 = start(withAll(withAll(trainArgs(temp.resolve("a"), 1), "--rank", "0"), common));
        Process rank1 = start(withAll(withAll(withAll(trainArgs(temp.resolve("b"), 1), "--seed", "2"), "--rank", "1"),
                common));
        for (Process rank : List.of(rank0, rank1)) {
            assertTrue(rank.waitFor(120, TimeUnit.SECONDS));
            String err = new String(rank.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, rank.exitValue(), err);
            assertTrue(err.contains("were started with different settings"), err);
        }
    }

    private static List<String> trainArgs(Path out, int epochs) {
        return List.of("train", "--data", data.toString(), "--epochs", Integer.toString(epochs), "--batch", "64",
                "--threads", "1", "--out", out.toString());
    }

    private static List<String> withAll(List<String> args, String... more) {
        return withAll(args, List.of(more));
    }

    private static List<String> withAll(List<String> args, List<String> more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(more);
        return all;
    }

    private static List<JsonNode> epochs(Path run) throws IOException {
        List<JsonNode> epochs = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            epochs.add(JSON.readTree(line));
        }
        return epochs;
    }

    private record Run(int exit, String err) {
    }

    private static Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(StudioCommand.trainCommand());
        command.addAll(args);
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Run regen(List<String> args) throws Exception {
        Process process = start(args);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS));
        assertTrue(!err.contains("\tat "), "no stack trace: " + err);
        return new Run(process.exitValue(), err);
    }
}
