package dev.regen.server;

import dev.regen.config.ImageShape;
import dev.regen.data.ImageDataset;
import dev.regen.edit.Attributes;
import dev.regen.edit.Direction;
import dev.regen.edit.LatentEdit;
import dev.regen.model.Generative;
import dev.regen.sample.Interpolation;
import dev.regen.sample.Inversion;
import dev.regen.sample.Sampler;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Generate and Explore pages: sample grids, one sample moved along the latent directions by
 * sliders, test images to pick, and interpolations between two samples or images.
 */
final class GenerateRoutes {
    private static final int MAX_SAMPLES = 256;
    private static final int MAX_STEPS = 32;
    private static final int MAX_TEST_IMAGES = 64;

    private final ModelCatalog catalog;
    private final Engine engine;
    private final Uploads uploads;

    GenerateRoutes(ModelCatalog catalog, Engine engine, Uploads uploads) {
        this.catalog = catalog;
        this.engine = engine;
        this.uploads = uploads;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/sample.png", this::sample);
        routes.get("/api/directions", this::directions);
        routes.get("/api/explore.png", this::explore);
        routes.get("/api/test-images", this::testImages);
        routes.post("/api/interpolate.png", this::interpolate);
    }

    /** {@code ?model&seed&n&columns&label}: a grid of {@code n} prior samples; a conditional model's rows show its classes. */
    private void sample(Context ctx) {
        String name = Params.text(ctx, "model");
        long seed = Params.whole(ctx, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        int n = (int) Params.whole(ctx, "n", 64, 1, MAX_SAMPLES);
        int columns = (int) Params.whole(ctx, "columns", 8, 1, MAX_SAMPLES);
        Integer label = Params.optional(ctx, "label", 0, Integer.MAX_VALUE);
        byte[] png = engine.run(() -> {
            Generative model = generative(name);
            float[] images = Sampler.sample(model, n, seed, labels(model, n, columns, label));
            return Pngs.grid(images, n, model.config().shape(), columns);
        });
        ctx.contentType(ContentType.IMAGE_PNG).result(png);
    }

    /** {@code ?model}: the directions the sliders move along, with where they come from. */
    private void directions(Context ctx) {
        String name = Params.text(ctx, "model");
        Attributes attributes = engine.run(() -> model(name).directions());
        List<Map<String, Object>> list = attributes.directions().stream().map(d -> Map.<String, Object>of(
                "name", d.name(), "meaning", d.meaning(), "scale", d.scale())).toList();
        ctx.json(Map.of("source", attributes.source(), "directions", list));
    }

    /**
     * {@code ?model&seed&n&index&label&amounts}: sample {@code index} of the grid of {@code n} for
     * {@code seed}, moved by each amount (in the direction's standard deviations) along the
     * model's directions in order.
     */
    private void explore(Context ctx) {
        String name = Params.text(ctx, "model");
        long seed = Params.whole(ctx, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        int n = (int) Params.whole(ctx, "n", 1, 1, MAX_SAMPLES);
        int index = (int) Params.whole(ctx, "index", 0, 0, n - 1);
        int columns = (int) Params.whole(ctx, "columns", 8, 1, MAX_SAMPLES);
        Integer label = Params.optional(ctx, "label", 0, Integer.MAX_VALUE);
        double[] amounts = Params.numbers(ctx, "amounts", 64);
        byte[] png = engine.run(() -> {
            LoadedModel loaded = model(name);
            Generative model = loaded.saved().generative();
            int latent = model.config().latent();
            float[] code = Arrays.copyOfRange(Sampler.priorCodes(model, n, seed), index * latent, (index + 1) * latent);
            List<Direction> directions = loaded.directions().directions();
            if (amounts.length > directions.size()) {
                throw StudioError.badRequest("the model has " + directions.size() + " directions; got "
                        + amounts.length + " amounts");
            }
            for (int i = 0; i < amounts.length; i++) {
                code = amounts[i] == 0 ? code : directions.get(i).move(code, amounts[i]);
            }
            int[] labels = labels(model, n, columns, label);
            int[] one = labels == null ? null : new int[]{labels[index]};
            return Pngs.image(Sampler.decode(model, code, one, 1), model.config().shape());
        });
        ctx.contentType(ContentType.IMAGE_PNG).result(png);
    }

    /** {@code ?model&n}: the first {@code n} of the model's held-out images, to pick from. */
    private void testImages(Context ctx) {
        String name = Params.text(ctx, "model");
        int n = (int) Params.whole(ctx, "n", 8, 1, MAX_TEST_IMAGES);
        List<String> images = engine.run(() -> {
            ImageDataset test = model(name).testImages().orElseThrow(() -> StudioError.notFound(
                    "the images " + name + " was trained on are no longer where it read them: upload images instead"));
            ImageShape shape = test.shape();
            List<String> urls = new ArrayList<>();
            float[] pixels = new float[shape.size()];
            for (int i = 0; i < Math.min(n, test.size()); i++) {
                test.read(i, pixels, 0);
                urls.add(Pngs.dataUrl(Pngs.image(pixels, shape)));
            }
            return urls;
        });
        ctx.json(Map.of("images", images));
    }

    /**
     * An interpolation: JSON {@code {model, from, to, steps, spherical, label}}, each end a sample
     * ({@code {"seed": s}}) or an image ({@code {"image": data URL}}, encoded by the model's
     * encoder or, for a GAN, by inverting its generator).
     */
    private void interpolate(Context ctx) {
        InterpolationRequest request = Params.body(ctx, InterpolationRequest.class);
        int steps = (int) Params.inRange("steps", request.steps() == null ? 8 : request.steps(), 2, MAX_STEPS);
        byte[] png = engine.run(() -> {
            LoadedModel loaded = model(request.model());
            Generative model = loaded.saved().generative();
            ImageShape shape = model.config().shape();
            float[] from = code(loaded, request.from(), "from");
            float[] to = code(loaded, request.to(), "to");
            float[] path = Interpolation.between(from, to, steps, Boolean.TRUE.equals(request.spherical()));
            return Pngs.grid(Sampler.decode(model, path, labels(model, steps, steps, request.label()), steps), steps,
                    shape, steps);
        });
        ctx.contentType(ContentType.IMAGE_PNG).result(png);
    }

    private float[] code(LoadedModel loaded, InterpolationRequest.End end, String field) {
        Generative model = loaded.saved().generative();
        if (end == null || (end.seed() == null) == (end.image() == null)) {
            throw StudioError.badRequest("give '" + field + "' as {\"seed\": number} or {\"image\": data URL}");
        }
        if (end.seed() != null) {
            return Sampler.priorCodes(model, 1, end.seed());
        }
        if (model.config().conditional()) {
            throw StudioError.badRequest("a conditional model interpolates between samples: give seeds, not images");
        }
        float[] image = uploads.decode(field, end.image(), loaded.background(), model.config().shape());
        return LatentEdit.codes(model, image, 1, Inversion.defaults(), (done, total) -> { });
    }

    private LoadedModel model(String name) {
        return catalog.load(name).require("generate");
    }

    private Generative generative(String name) {
        return model(name).saved().generative();
    }

    private static int[] labels(Generative model, int n, int columns, Integer label) {
        if (label != null && !model.config().conditional()) {
            throw StudioError.badRequest("a label needs a conditional model; this one is unconditional");
        }
        return Sampler.rowLabels(model, n, columns, label);
    }
}
