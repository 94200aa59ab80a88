package dev.regen.server;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import dev.regen.config.TranslationDirection;
import dev.regen.data.ImageDecoder;
import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Damaged;
import dev.regen.data.damage.Task;
import dev.regen.edit.Direction;
import dev.regen.edit.LatentEdit;
import dev.regen.model.Generative;
import dev.regen.model.SavedModel;
import dev.regen.restore.ImageRestorer;
import dev.regen.restore.Method;
import dev.regen.restore.RestoreSettings;
import dev.regen.sample.Inversion;
import dev.regen.translate.ImageTranslator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Restore, Edit and Translate pages: a model applied to an uploaded image, answered as JSON with PNG data URLs. */
final class ImageRoutes {
    private static final int MAX_SAMPLES = 64;

    private final ModelCatalog catalog;
    private final Engine engine;
    private final Uploads uploads;

    ImageRoutes(ModelCatalog catalog, Engine engine, Uploads uploads) {
        this.catalog = catalog;
        this.engine = engine;
        this.uploads = uploads;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/restore", this::restore);
        routes.post("/api/edit", this::edit);
        routes.post("/api/translate", this::translate);
    }

    /**
     * Restores an image with a VAE or GAN, or a network trained for the damage (by default latent
     * search, or the network's pass): damaged here first unless it came damaged; answers the
     * damaged image, the restoration, and for posterior sampling a grid of samples showing their spread.
     */
    private void restore(Context ctx) {
        ImageRequest request = Params.body(ctx, ImageRequest.class);
        Task task = Task.parse(required(request.task(), "task"));
        Method asked = request.method() == null ? null : Method.parse(request.method());
        boolean apply = switch (request.damage() == null ? "apply" : request.damage()) {
            case "apply" -> true;
            case "observed" -> false;
            default -> throw StudioError.badRequest("'damage' is apply or observed, got '" + request.damage() + "'");
        };
        int samples = (int) Params.inRange("samples", request.samples() == null ? 8 : request.samples(), 1,
                MAX_SAMPLES);
        Map<String, Object> answer = engine.run(() -> {
            LoadedModel loaded = catalog.load(request.model()).require("restore");
            SavedModel saved = loaded.saved();
            ImageDecoder.Decoded upload = uploads.decode("image", request.image(), loaded.background());
            Corruption damage = damage(request, task);
            Method method = Method.choose(saved, damage, asked);
            ImageShape shape = upload.shape();
            float[] observed = upload.pixels();
            if (apply) {
                Damaged damaged = damage.apply(upload.pixels(), 0, shape, request.seedOr1());
                observed = damaged.pixels();
                shape = damaged.shape();
            }
            ImageRestorer restorer = new ImageRestorer(saved.model(), damage, method,
                    RestoreSettings.defaults(saved, samples));
            ImageRestorer.Output out = restorer.restore(List.of(new ImageRestorer.Input("upload", observed, shape)),
                    request.seedOr1(), (done, total) -> { }).get(0);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("damaged", Pngs.dataUrl(Pngs.image(observed, shape)));
            result.put("restored", Pngs.dataUrl(Pngs.image(out.restored(), out.shape())));
            result.put("samples", out.samplesPerImage() == 0 ? null : Pngs.dataUrl(Pngs.grid(out.samples(),
                    out.samplesPerImage(), saved.model().config().shape(), Math.min(8, out.samplesPerImage()))));
            result.put("resized", out.resizedFrom() == null ? null : out.resizedFrom().height() + "x"
                    + out.resizedFrom().width() + " resized to " + out.resizedTo().height() + "x"
                    + out.resizedTo().width() + " for the model, and the result back");
            // A drawn mask travels through a temporary file whose name says nothing to the user.
            result.put("damage", task == Task.INPAINT ? "the drawn region missing" : damage.toString());
            result.put("method", method.id());
            return result;
        });
        ctx.json(answer);
    }

    /** The damage the request describes; a mask travels as an image and is read through a file of its own. */
    private Corruption damage(ImageRequest request, Task task) {
        double sigma = request.sigma() == null ? 0.1 : request.sigma();
        int factor = request.factor() == null ? 2 : request.factor();
        if (task != Task.INPAINT) {
            return task.observedDamage(sigma, null, factor);
        }
        byte[] mask = uploads.checked("mask", request.mask());
        Path file = null;
        try {
            file = Files.createTempFile("regen-mask-", ".png");
            Files.write(file, mask);
            return task.observedDamage(sigma, file, factor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    /** Moves an image's code along a named direction and decodes the change onto it. */
    private void edit(Context ctx) {
        ImageRequest request = Params.body(ctx, ImageRequest.class);
        String name = required(request.direction(), "direction");
        double amount = request.amount() == null ? 1 : request.amount();
        Map<String, Object> answer = engine.run(() -> {
            LoadedModel loaded = catalog.load(request.model()).require("edit");
            Generative model = loaded.saved().generative();
            Direction direction = loaded.directions().find(name);
            direction.requireAmount(amount);
            float[] image = uploads.decode("image", request.image(), loaded.background(), model.config().shape());
            float[] codes = LatentEdit.codes(model, image, 1, Inversion.defaults(), (done, total) -> { });
            LatentEdit.Edited edited = LatentEdit.apply(model, image, codes, 1, direction, amount, false);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("input", Pngs.dataUrl(Pngs.image(image, model.config().shape())));
            result.put("edited", Pngs.dataUrl(Pngs.image(edited.images(), model.config().shape())));
            result.put("editedShare", edited.editedShare());
            result.put("changeOutside", edited.changeOutside());
            return result;
        });
        ctx.json(answer);
    }

    /** Translates an image at its own size (the generators are fully convolutional). */
    private void translate(Context ctx) {
        ImageRequest request = Params.body(ctx, ImageRequest.class);
        TranslationDirection direction = TranslationDirection.parse(request.direction() == null ? "a2b"
                : request.direction());
        Map<String, Object> answer = engine.run(() -> {
            LoadedModel loaded = catalog.load(request.model()).require("translate");
            var translator = loaded.saved().translator();
            ImageTranslator.requireDirection(translator, direction);
            ImageDecoder.Decoded upload = uploads.decode("image", request.image(), loaded.background());
            ImageTranslator.Translated out = new ImageTranslator(translator).translate(upload.pixels(),
                    upload.shape(), direction);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("translated", Pngs.dataUrl(Pngs.image(out.pixels(), out.shape())));
            result.put("padded", out.padded());
            return result;
        });
        ctx.json(answer);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw StudioError.badRequest("give '" + field + "'");
        }
        return value;
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new RegenException("cannot delete the temporary mask " + file + ": " + e.getMessage(), e);
        }
    }
}
