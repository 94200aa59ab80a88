package dev.regen.train;

import dev.regen.RegenException;
import dev.regen.config.Json;
import dev.regen.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics of every epoch so far; kept in checkpoints and rewritten to the run's
 * {@code metrics.jsonl} (one JSON object a line) after each epoch.
 */
public final class History implements TrainingListener {
    private final List<EpochMetrics> epochs;
    private final Path file;

    /** Continues {@code earlier} epochs, writing to {@code file}. */
    public History(List<EpochMetrics> earlier, Path file) {
        this.epochs = new ArrayList<>(earlier);
        this.file = file;
    }

    /** The epochs so far, oldest first. */
    public List<EpochMetrics> epochs() {
        return List.copyOf(epochs);
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        epochs.add(metrics);
        AtomicFiles.write(file, tmp -> java.nio.file.Files.write(tmp, toJsonLines(epochs)));
    }

    /** Serialises epochs as JSON lines. */
    public static byte[] toJsonLines(List<EpochMetrics> epochs) {
        StringBuilder out = new StringBuilder();
        for (EpochMetrics m : epochs) {
            try {
                out.append(Json.MAPPER.copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(m)).append('\n');
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses what {@link #toJsonLines} wrote. */
    public static List<EpochMetrics> fromJsonLines(byte[] bytes) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    epochs.add(Json.MAPPER.readValue(line, EpochMetrics.class));
                } catch (IOException e) {
                    throw new RegenException("unreadable training history: " + e.getMessage(), e);
                }
            }
        }
        return epochs;
    }
}
