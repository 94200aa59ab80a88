package dev.regen.edit;

import dev.regen.RegenException;
import dev.regen.config.Json;
import dev.regen.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The latent directions found for one model, saved beside its file as JSON.
 *
 * @param latent     the model's latent dimensions, which every direction has
 * @param source     the images the directions were found in
 * @param directions the directions, in the order they were found
 */
public record Attributes(int latent, String source, List<Direction> directions) {
    /** Validates the fields. */
    public Attributes {
        directions = List.copyOf(directions);
        for (Direction d : directions) {
            if (d.unit().length != latent) {
                throw new RegenException("direction " + d.name() + " has " + d.unit().length + " dimensions, the "
                        + "model " + latent);
            }
        }
    }

    /** Where the directions of {@code model} are kept by default: {@code model.regen} to {@code model.attributes.json}. */
    public static Path beside(Path model) {
        String name = model.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return model.resolveSibling(stem + ".attributes.json");
    }

    /**
     * The direction called {@code name}.
     *
     * @throws RegenException naming the known directions when there is none of that name
     */
    public Direction find(String name) {
        return directions.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(
                () -> new RegenException("no direction '" + name + "': the model's directions are "
                        + directions.stream().map(Direction::name).collect(Collectors.joining(", "))));
    }

    /** Writes the directions to {@code file} atomically. */
    public void write(Path file) {
        AtomicFiles.write(file, tmp -> Json.MAPPER.writeValue(tmp.toFile(), this));
    }

    /**
     * Reads directions written by {@link #write} for a model of {@code latent} dimensions.
     *
     * @throws RegenException when the file is missing, not such a file, or of another model
     */
    public static Attributes read(Path file, int latent) {
        if (!Files.isRegularFile(file)) {
            throw new RegenException("no attribute directions at " + file + ": find them first with regen attributes");
        }
        Attributes attributes;
        try {
            attributes = Json.MAPPER.readValue(file.toFile(), Attributes.class);
        } catch (IOException | RuntimeException e) {
            throw new RegenException(file + " is not a file of attribute directions: " + e.getMessage().lines()
                    .findFirst().orElse(""), e);
        }
        if (attributes.latent() != latent) {
            throw new RegenException(file + " holds directions of " + attributes.latent() + " latent dimensions, the "
                    + "model has " + latent + ": they belong to another model");
        }
        return attributes;
    }
}
