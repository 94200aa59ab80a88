package dev.regen.server;

import dev.regen.RegenException;
import dev.regen.config.Json;
import dev.regen.nn.Torch;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;

/**
 * Regen Studio: a local web server and one page over the core library, to look at models,
 * generate, explore, restore, edit and translate images, and watch and start trainings. The page
 * (HTML, JS and CSS from the jar's {@code studio/} resources) talks to a JSON and PNG API under
 * {@code /api}; README.md documents it.
 *
 * <p>Every error is one JSON line {@code {"error": "..."}} with a status that says whose it is: 400
 * for a bad request, 404 for a name outside the models folder, 413 for an upload too large
 * (in bytes, or in the pixels its header declares), 415 for an upload that is no image, 429 when
 * too many requests wait for the engine, 500 for a fault of the studio's own.
 */
public final class Studio implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Studio.class);

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final StudioSettings settings;
    private final ModelCatalog catalog;
    private final TrainingJobs jobs;
    private Javalin app;

    /** A studio over {@code settings.models()}, not yet serving. */
    public Studio(StudioSettings settings) {
        this.settings = settings;
        this.catalog = new ModelCatalog(settings.models());
        this.jobs = new TrainingJobs(settings.models(), settings.trainCommand());
    }

    /** Starts serving; {@link #url} then says where. */
    public Studio start() {
        // Before any engine class loads (see Torch.extractNatives).
        Torch.extractNatives();
        Engine engine = new Engine(settings.maxPending());
        Uploads uploads = new Uploads(settings.maxImageSide());
        try {
            app = Javalin.create(config -> configure(config, engine, uploads)).start();
        } catch (io.javalin.util.JavalinBindException e) {
            throw new RegenException("cannot serve on " + settings.host() + ":" + settings.port() + ": the port is in "
                    + "use or not allowed; choose another with --port", e);
        }
        return this;
    }

    private void configure(JavalinConfig config, Engine engine, Uploads uploads) {
        config.startup.showJavalinBanner = false;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.http.maxRequestSize = settings.maxUploadBytes();
        config.jsonMapper(new JavalinJackson(Json.MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT), false));
        config.staticFiles.add("/studio", Location.CLASSPATH);
        var routes = config.routes;
        routes.before("/api/*", this::guard);
        routes.get("/api/models", ctx -> ctx.json(catalog.summaries()));
        routes.get("/api/models/info", ctx -> ctx.json(catalog.summary(Params.text(ctx, "model"))));
        new GenerateRoutes(catalog, engine, uploads).register(routes);
        new ImageRoutes(catalog, engine, uploads).register(routes);
        new RunRoutes(catalog).register(routes);
        routes.get("/api/jobs", ctx -> ctx.json(jobs.list()));
        routes.post("/api/jobs", ctx -> ctx.status(202).json(jobs.submit(Params.body(ctx, JobRequest.class))));
        routes.delete("/api/jobs/{id}", ctx -> ctx.json(jobs.cancel((int) Params.inRange("id",
                parseId(ctx.pathParam("id")), 1, Integer.MAX_VALUE))));
        routes.exception(StudioError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        routes.exception(RegenException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getStatus() == 413
                ? "the request is larger than the studio's limit of " + (settings.maxUploadBytes() >> 10) + " KiB"
                : e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            if (isUnreadableJson(e)) {
                error(ctx, 400, "the request body is not the JSON this call takes: " + firstLine(e));
                return;
            }
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "the studio failed: " + e.getClass().getSimpleName() + ": " + firstLine(e));
        });
    }

    /**
     * Keeps other web sites out of a studio on this machine: a page elsewhere cannot send JSON here
     * without the browser asking first (and the studio answers no cross-origin request), and a
     * loopback studio answers only requests addressed to a loopback name, which defeats DNS rebinding.
     */
    private void guard(Context ctx) {
        if (ctx.method() == HandlerType.POST && !String.valueOf(ctx.contentType()).startsWith("application/json")) {
            throw new StudioError(415, "POST requests carry JSON (Content-Type: application/json)");
        }
        if (LOOPBACK.contains(settings.host())) {
            String host = String.valueOf(ctx.host()).replaceFirst(":\\d+$", "");
            if (!LOOPBACK.contains(host)) {
                throw new StudioError(403, "this studio serves only this machine (127.0.0.1), not '" + host + "'");
            }
        }
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw StudioError.badRequest("a job id is a number, got '" + id + "'");
        }
    }

    private static boolean isUnreadableJson(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JacksonException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message == null ? "error " + status : message));
    }

    /** The address the page is served at. */
    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + app.port() + "/";
    }

    /** The port served on (the chosen one when the settings said 0). */
    public int port() {
        return app.port();
    }

    /** Stops serving, and ends every training it started. */
    @Override
    public void close() {
        jobs.close();
        if (app != null) {
            app.stop();
        }
    }
}
