package dev.regen.nn;

import dev.regen.RegenException;
import dev.regen.io.ModelFile;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.OutputArchive;
import org.bytedeco.pytorch.StringTensorDict;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns module weights and optimizer state into libtorch's own archive format and back, so that
 * they can travel inside a model file.
 */
public final class StateBytes {
    /** The file name archives are saved under; its stem, "archive", is what libtorch names in-memory archives. */
    private static final String ARCHIVE = "archive.pt";

    private StateBytes() {
    }

    /** The parameters and buffers of {@code module}, as a model-file entry. */
    public static ModelFile.EntryContent save(Module module) {
        return out -> write(module::save, out);
    }

    /** The state of {@code optimizer} (moments and step counts, for exact resume), as a model-file entry. */
    public static ModelFile.EntryContent save(Optimizer optimizer) {
        return out -> write(optimizer::save, out);
    }

    /**
     * Loads weights saved by {@link #save(Module)} into a module of the same architecture. libtorch
     * replaces each tensor without comparing shapes, so the shapes are checked here: weights of
     * another architecture are refused rather than left to fail later.
     */
    public static void load(Module module, ModelFile.Entry weights) {
        Map<String, List<Long>> expected = shapes(module);
        read(weights, module::load, "weights");
        Map<String, List<Long>> actual = shapes(module);
        for (Map.Entry<String, List<Long>> e : expected.entrySet()) {
            if (!e.getValue().equals(actual.get(e.getKey()))) {
                throw new RegenException("the model file's weights do not fit this architecture: " + e.getKey()
                        + " has shape " + actual.get(e.getKey()) + ", the configuration needs " + e.getValue());
            }
        }
    }

    private static Map<String, List<Long>> shapes(Module module) {
        Map<String, List<Long>> shapes = new LinkedHashMap<>();
        StringTensorDict params = module.named_parameters();
        for (long i = 0; i < params.size(); i++) {
            long[] sizes = params.get(i).value().sizes().vec().get();
            shapes.put(params.get(i).key().getString(), Arrays.stream(sizes).boxed().toList());
        }
        return shapes;
    }

    /** Loads state saved by {@link #save(Optimizer)} into an optimizer over the same parameters. */
    public static void load(Optimizer optimizer, ModelFile.Entry state) {
        read(state, optimizer::load, "optimizer state");
    }

    /**
     * libtorch names the folder inside its archive after the file it saves to, so the file has a
     * fixed name in a private temporary folder: the same state always gives the same bytes. The
     * archive is copied to {@code out} from the file, never held in memory whole.
     */
    private static void write(Consumer<OutputArchive> saver, OutputStream out) throws IOException {
        Path folder = Files.createTempDirectory("regen-state");
        Path tmp = folder.resolve(ARCHIVE);
        try (OutputArchive archive = new OutputArchive()) {
            saver.accept(archive);
            archive.save_to(tmp.toString());
            Files.copy(tmp, out);
        } finally {
            delete(tmp);
            delete(folder);
        }
    }

    /** libtorch reads archives from a file, so the entry is copied to one: the file's page cache, not the heap. */
    private static void read(ModelFile.Entry entry, Consumer<InputArchive> loader, String what) {
        Path tmp = tempFile();
        try {
            entry.copyTo(tmp);
            try (InputArchive archive = new InputArchive()) {
                archive.load_from(tmp.toString(), Torch.archiveDevice());
                loader.accept(archive);
            } catch (RuntimeException e) {
                // libtorch reports a mismatch (missing key, wrong shape) as a C++ exception.
                throw new RegenException("the model file's " + what + " do not fit this architecture: "
                        + firstLine(e.getMessage()), e);
            }
        } finally {
            delete(tmp);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }

    private static Path tempFile() {
        try {
            return Files.createTempFile("regen-state", ".pt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // A leftover temporary file is harmless.
        }
    }
}
