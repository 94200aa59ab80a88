package dev.regen.cli;

import dev.regen.RegenException;
import dev.regen.config.Background;
import dev.regen.config.ImageShape;
import dev.regen.data.ImageDecoder;
import dev.regen.data.ImageFolderDataset;
import dev.regen.data.Reshaped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Image files given as one file or a folder of them, each decoded with its own name and shape. */
final class ImageFiles {
    private ImageFiles() {
    }

    /**
     * One decoded input image.
     *
     * @param name the file name without its extension, for naming outputs
     */
    record Input(String name, ImageDecoder.Decoded image) {
    }

    /**
     * Decodes {@code input}, transparent pixels composited onto {@code background}: the file
     * itself, or every image file directly inside the folder, in name order. Every file is decoded
     * before anything is returned, so a bad one stops the command before it writes anything.
     */
    static List<Input> read(Path input, Background background) {
        if (!Files.exists(input)) {
            throw new RegenException("input " + input + " does not exist");
        }
        List<Path> files;
        if (Files.isDirectory(input)) {
            try (Stream<Path> list = Files.list(input)) {
                files = list.filter(Files::isRegularFile).filter(ImageFolderDataset::hasImageExtension).sorted().toList();
            } catch (IOException e) {
                throw new RegenException("cannot list " + input + ": " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new RegenException(input + " holds no " + ImageDecoder.FORMATS + " files");
            }
        } else {
            files = List.of(input);
        }
        List<Input> images = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            images.add(new Input(dot > 0 ? name.substring(0, dot) : name, ImageDecoder.read(file, background)));
        }
        return images;
    }

    /** The images one after the other at {@code shape}, each resized (bilinear) and converted to it as data reading does. */
    static float[] pixels(List<Input> inputs, ImageShape shape) {
        float[] images = new float[inputs.size() * shape.size()];
        for (int i = 0; i < inputs.size(); i++) {
            ImageDecoder.Decoded image = inputs.get(i).image();
            System.arraycopy(Reshaped.image(image.pixels(), image.shape(), shape), 0, images, i * shape.size(),
                    shape.size());
        }
        return images;
    }

    /**
     * {@code targets} in the order of {@code inputs}, paired by name.
     *
     * @throws RegenException counting the inputs without a target of the same name
     */
    static List<Input> pairedBy(List<Input> inputs, List<Input> targets, Path targetFolder) {
        Map<String, Input> byName = new HashMap<>();
        targets.forEach(t -> byName.put(t.name(), t));
        List<String> missing = inputs.stream().map(Input::name).filter(n -> !byName.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new RegenException(missing.size() + " of " + inputs.size() + " images have no image of the same "
                    + "name in " + targetFolder + " (first: " + missing.get(0) + ")");
        }
        return inputs.stream().map(i -> byName.get(i.name())).toList();
    }
}
