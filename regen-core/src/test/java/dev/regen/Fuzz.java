package dev.regen;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A fuzz target: mutants of valid seed files fed to a reader of user files, which must read each
 * one or refuse it with a {@link RegenException} of one line; any other exception or error, a
 * hang, or an allocation far beyond what the input can justify is a failure.
 *
 * <p>jqwik generates the mutations (with its edge cases: 0, -1, the extremes of each width) from a
 * seeded {@link Random}; its generators need its lifecycle, so call {@link #run} from a jqwik
 * {@code @Example}. The loop is bounded by time rather than by a try count, so that the suite
 * runs each target for {@value #DEFAULT_SECONDS} seconds and {@code bench/fuzz.sh} for as long as
 * it is told: system property {@value #SECONDS} (seconds per target) and {@value #SEED}. Each
 * failing input is saved under {@code target/fuzz-failures/<target>/} for a regression test.
 */
public final class Fuzz {
    /** System property: seconds each target runs. */
    public static final String SECONDS = "regen.fuzz.seconds";
    /** System property: the seed of the mutations; the suite's is fixed, so its inputs repeat. */
    public static final String SEED = "regen.fuzz.seed";
    private static final double DEFAULT_SECONDS = 1.5;
    private static final long HANG_SECONDS = 20;
    private static final int MAX_EDITS = 6;
    /** Mutation positions fall this often in the first bytes, where the headers are. */
    private static final int HEADER_BYTES = 64;
    private static final int GEN_SIZE = 1000;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");

    /** Reads one input file the way the project reads a user's file. */
    @FunctionalInterface
    public interface Reader {
        /** Reads {@code file}; returns normally when it was read, throws when it was refused. */
        void read(Path file) throws Exception;
    }

    private Fuzz() {
    }

    /** Mutants of the {@code seeds}: each seed as it is, or changed by one to {@value #MAX_EDITS} edits. */
    public static Arbitrary<byte[]> mutants(List<byte[]> seeds) {
        return Combinators.combine(Arbitraries.of(seeds), edit().list().ofMinSize(0).ofMaxSize(MAX_EDITS))
                .as((seed, edits) -> {
                    byte[] bytes = seed.clone();
                    for (Edit e : edits) {
                        bytes = e.apply(bytes);
                    }
                    return bytes;
                });
    }

    /**
     * Runs {@code reader} on mutants of the {@code inputs} for the configured time, saving each input
     * as {@code fileName} first, and fails listing every distinct failure.
     *
     * @param allocationLimit bytes one read may allocate before it counts as a giant allocation
     */
    public static void run(String target, Arbitrary<byte[]> inputs, String fileName, long allocationLimit,
                           Reader reader) {
        double seconds = Double.parseDouble(System.getProperty(SECONDS, String.valueOf(DEFAULT_SECONDS)));
        long seed = Long.getLong(SEED, 0L);
        Path saved = Path.of("target", "fuzz-failures", target);
        Path input;
        try {
            Files.createDirectories(saved);
            input = Files.createTempDirectory("fuzz-" + target).resolve(fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RandomGenerator<byte[]> generator = inputs.generatorWithEmbeddedEdgeCases(GEN_SIZE);
        Random random = new Random(seed);
        Map<String, String> failures = new LinkedHashMap<>();
        int tried = 0;
        int refused = 0;
        ExecutorService worker = newWorker();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        try {
            while (System.nanoTime() < deadline) {
                byte[] bytes = generator.next(random).value();
                Files.write(input, bytes);
                tried++;
                Outcome outcome;
                Future<Outcome> answer = worker.submit(() -> readOnce(reader, input, allocationLimit));
                try {
                    outcome = answer.get(HANG_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    outcome = Outcome.failed("hang", "no answer in " + HANG_SECONDS + " s");
                    worker.shutdownNow();
                    worker = newWorker();
                }
                refused += outcome.refused ? 1 : 0;
                if (outcome.failure != null && !failures.containsKey(outcome.failure)) {
                    Path copy = saved.resolve(String.format(Locale.ROOT, "%08x-%s", outcome.failure.hashCode(),
                            fileName));
                    Files.write(copy, bytes);
                    failures.put(outcome.failure, outcome.detail + "  (input: " + copy + ")");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            worker.shutdownNow();
            input.toFile().delete();
            input.getParent().toFile().delete();
        }
        System.out.printf(Locale.ROOT, "fuzz %s: %d inputs in %.1f s (seed %d): %d refused, %d kinds of failure%n",
                target, tried, seconds, seed, refused, failures.size());
        failures.forEach((what, detail) -> System.out.printf("fuzz %s failure: %s: %s%n", target, what, detail));
        if (!failures.isEmpty()) {
            StringBuilder report = new StringBuilder(target + " failed on " + failures.size() + " kinds of input:");
            failures.forEach((what, detail) -> report.append("\n  ").append(what).append(": ").append(detail));
            fail(report.toString());
        }
    }

    /**
     * What one read did.
     *
     * @param refused whether it threw a proper {@link RegenException}
     * @param failure what went wrong, the same for every input that fails the same way; null when
     *                the input was read or refused as it should be
     * @param detail  the failure as this input met it
     */
    private record Outcome(boolean refused, String failure, String detail) {
        static Outcome failed(String failure, String detail) {
            return new Outcome(false, failure, detail);
        }
    }

    private static Outcome readOnce(Reader reader, Path input, long allocationLimit) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Outcome outcome;
        try {
            reader.read(input);
            outcome = new Outcome(false, null, null);
        } catch (RegenException e) {
            String message = e.getMessage();
            outcome = message == null || message.isBlank() || message.contains("\n")
                    ? Outcome.failed("unclear message from " + origin(e), message)
                    : new Outcome(true, null, null);
        } catch (Throwable e) {
            outcome = Outcome.failed(e.getClass().getName() + " at " + origin(e), String.valueOf(e));
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        if (allocated > allocationLimit) {
            return Outcome.failed("giant allocation", String.format(Locale.ROOT, "%d MiB, then %s", allocated >> 20,
                    outcome.failure != null ? outcome.failure : outcome.refused ? "refused" : "read"));
        }
        return outcome;
    }

    /** Where an exception came from: its first frame in this project, else its first frame. */
    private static String origin(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return Arrays.stream(trace).filter(f -> f.getClassName().startsWith("dev.regen.")).findFirst()
                .or(() -> Arrays.stream(trace).findFirst()).map(StackTraceElement::toString).orElse("?");
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** One change to a file's bytes. */
    private interface Edit {
        byte[] apply(byte[] bytes);
    }

    private static Arbitrary<Edit> edit() {
        Arbitrary<Integer> at = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(0, HEADER_BYTES - 1)),
                Tuple.of(1, Arbitraries.integers().greaterOrEqual(0)));
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 256);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(at, Arbitraries.integers().between(0, 7))
                        .as((p, bit) -> (Edit) b -> flip(b, p, bit))),
                Tuple.of(2, Combinators.combine(at, Arbitraries.bytes()).as((p, v) -> (Edit) b -> set(b, p, v))),
                Tuple.of(3, Combinators.combine(at, Arbitraries.integers(), Arbitraries.of(ByteOrder.BIG_ENDIAN,
                        ByteOrder.LITTLE_ENDIAN)).as((p, v, order) -> (Edit) b -> putInt(b, p, v, order))),
                Tuple.of(2, Combinators.combine(at, Arbitraries.longs()).as((p, v) -> (Edit) b -> number(b, p, v))),
                Tuple.of(1, at.map(p -> (Edit) b -> Arrays.copyOf(b, b.length == 0 ? 0 : p % b.length))),
                Tuple.of(1, Combinators.combine(at, Arbitraries.bytes().array(byte[].class).ofMaxSize(16))
                        .as((p, v) -> (Edit) b -> splice(b, p, 0, v))),
                Tuple.of(1, Combinators.combine(at, length).as((p, n) -> (Edit) b -> splice(b, p, n, new byte[0]))),
                Tuple.of(1, Combinators.combine(at, length).as((p, n) -> (Edit) b -> repeat(b, p, n))));
    }

    private static byte[] flip(byte[] b, int at, int bit) {
        if (b.length > 0) {
            b[at % b.length] ^= (byte) (1 << bit);
        }
        return b;
    }

    private static byte[] set(byte[] b, int at, byte value) {
        if (b.length > 0) {
            b[at % b.length] = value;
        }
        return b;
    }

    /** Overwrites four bytes with {@code value}: a length, count or dimension field. */
    private static byte[] putInt(byte[] b, int at, int value, ByteOrder order) {
        if (b.length >= Integer.BYTES) {
            ByteBuffer.wrap(b).order(order).putInt(at % (b.length - Integer.BYTES + 1), value);
        }
        return b;
    }

    /** Replaces one decimal number written in the bytes (a shape in a text header, a JSON value). */
    private static byte[] number(byte[] b, int at, long value) {
        String text = new String(b, StandardCharsets.ISO_8859_1);
        Matcher m = NUMBER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[]{m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return b;
        }
        int[] span = spans.get(at % spans.size());
        return splice(b, span[0], span[1] - span[0], Long.toString(value).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Replaces {@code removed} bytes from {@code at} (modulo the length) by {@code inserted}. */
    private static byte[] splice(byte[] b, int at, int removed, byte[] inserted) {
        int from = b.length == 0 ? 0 : at % (b.length + 1);
        int to = Math.min(b.length, from + removed);
        byte[] out = new byte[b.length - (to - from) + inserted.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(inserted, 0, out, from, inserted.length);
        System.arraycopy(b, to, out, from + inserted.length, b.length - to);
        return out;
    }

    /** Repeats {@code n} bytes from {@code at}: a duplicated chunk, entry or record. */
    private static byte[] repeat(byte[] b, int at, int n) {
        if (b.length == 0) {
            return b;
        }
        int from = at % b.length;
        return splice(b, from, 0, Arrays.copyOfRange(b, from, Math.min(b.length, from + n)));
    }
}
