package dev.regen.server;

import dev.regen.config.ModelKind;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A training the page asks for, with the common options of {@code regen train}; unset ones keep
 * that command's defaults.
 *
 * @param name   the run folder's name inside the studio's folder
 * @param model  the model kind ({@code conv-vae}, {@code dcgan}, {@code pix2pix}, ...)
 * @param data   the training images (a folder, or IDX files' folder) on the server's disk
 * @param target a translation model's target images, else null
 * @param epochs passes over the data
 * @param batch  images per step
 * @param width  the network's base width
 * @param latent latent dimensions
 * @param seed   seed of everything random
 */
record JobRequest(String name, String model, String data, String target, Integer epochs, Integer batch, Integer width,
                  Integer latent, Long seed) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * The arguments of {@code regen train} for this request, training into {@code folder}.
     *
     * @throws StudioError 400 for a missing or malformed field
     */
    List<String> arguments(Path folder) {
        ModelKind kind = ModelKind.parse(model == null ? "conv-vae" : model);
        List<String> args = new ArrayList<>(List.of("train", "--model", kind.id(), "--data", existing(data, "data")));
        if (target != null && !target.isBlank()) {
            args.addAll(List.of("--target", existing(target, "target")));
        }
        option(args, "--epochs", epochs, 1, 100_000);
        option(args, "--batch", batch, 1, 65_536);
        option(args, "--width", width, 1, 4096);
        option(args, "--latent", latent, 1, 4096);
        if (seed != null) {
            args.addAll(List.of("--seed", seed.toString()));
        }
        args.addAll(List.of("--out", folder.toString()));
        return args;
    }

    /** The run folder's name, checked to be one plain name. */
    String folderName() {
        if (name == null || !NAME.matcher(name).matches()) {
            throw StudioError.badRequest("name the run with letters, digits, '.', '_' or '-' (at most 64), not '"
                    + name + "'");
        }
        return name;
    }

    private static String existing(String path, String field) {
        if (path == null || path.isBlank()) {
            throw StudioError.badRequest("give '" + field + "': a folder of images on the server");
        }
        boolean exists;
        try {
            exists = Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            exists = false;
        }
        if (!exists) {
            throw StudioError.badRequest("'" + field + "' " + path + " does not exist on the server");
        }
        return path;
    }

    private static void option(List<String> args, String flag, Integer value, int min, int max) {
        if (value != null) {
            args.addAll(List.of(flag, Long.toString(Params.inRange(flag.substring(2), value, min, max))));
        }
    }
}
