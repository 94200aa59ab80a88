package dev.regen.spark;

import dev.regen.config.Background;
import dev.regen.model.SavedModel;
import org.apache.spark.SparkFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A job's model on an executor: shipped with the job ({@code SparkContext.addFile}), loaded once per
 * executor JVM, and used by one task at a time, because the engine's random generator is global
 * and a restoration seeds it (and the engine's own threads already use the cores).
 */
final class ExecutorModels {
    private static final Map<String, SavedModel> LOADED = new ConcurrentHashMap<>();
    private static final Object ENGINE = new Object();

    private ExecutorModels() {
    }

    /**
     * The model shipped as {@code fileName} with the current job. Keyed by where Spark put the file,
     * which is new for every application, so two jobs of one JVM with models of the same file name
     * each get their own; the models of applications whose files are gone are dropped.
     */
    static SavedModel get(String fileName) {
        String shipped = SparkFiles.get(fileName);
        LOADED.keySet().removeIf(path -> !Files.exists(Path.of(path)));
        return LOADED.computeIfAbsent(shipped, path -> SavedModel.load(Path.of(path)));
    }

    /** What the model's training images were composited onto, for the images it is given. */
    static Background background(String fileName) {
        return get(fileName).file().manifest().data().background();
    }

    /** Runs {@code work} while no other task of this executor uses the engine. */
    static <T> T inTurn(Supplier<T> work) {
        synchronized (ENGINE) {
            return work.get();
        }
    }
}
