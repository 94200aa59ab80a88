package dev.regen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regen.model.SavedModel;
import dev.regen.server.Studio;
import dev.regen.server.StudioSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trainings started from the studio: each runs {@code regen train} in its own process (the command
 * {@code regen studio} gives the studio), one at a time, queued beyond that, and cancellable.
 */
class StudioJobsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DATA = Path.of("..", "data", "fashion-mnist").toAbsolutePath().toString();
    @TempDir
    static Path models;
    static Studio studio;

    @BeforeAll
    static void start() {
        studio = new Studio(StudioSettings.of(models, "127.0.0.1", 0, StudioCommand.trainCommand())).start();
    }

    @AfterAll
    static void stop() {
        studio.close();
    }

    @Test
    void aJobTrainsAModelThePageThenLists() throws Exception {
        JsonNode job = post(Map.of("name", "first", "model", "conv-vae", "data", DATA, "epochs", 1, "batch", 64));
        assertEquals("queued", job.get("state").asText(), job.toString());
        JsonNode done = until(job.get("id").asInt(), j -> j.get("state").asText().equals("finished"));
        assertEquals("trained", done.get("message").asText());
        assertTrue(Files.exists(models.resolve("first/model.regen")));
        assertTrue(get("/api/models").toString().contains("first/model.regen"));
        assertEquals(400, postStatus(Map.of("name", "first", "data", DATA)), "the run folder exists");
        assertEquals(400, postStatus(Map.of("name", "../escape", "data", DATA)), "a run name is one plain name");
        assertEquals(400, postStatus(Map.of("name", "other", "data", "/no/such/folder")));
    }

    @Test
    void aCancelledJobKeepsItsLastCheckpointAndAQueuedOneNeverStarts() throws Exception {
        int running = post(Map.of("name", "long", "data", DATA, "epochs", 500, "batch", 64)).get("id").asInt();
        int queued = post(Map.of("name", "later", "data", DATA, "epochs", 1)).get("id").asInt();
        until(running, j -> Files.exists(models.resolve("long/checkpoint.regen")));
        JsonNode dropped = delete(queued);
        assertEquals("cancelled", dropped.get("state").asText());
        JsonNode cancelled = delete(running);
        assertEquals("cancelled", cancelled.get("state").asText(), cancelled.toString());
        assertTrue(cancelled.get("message").asText().contains("checkpoint"), cancelled.toString());
        SavedModel checkpoint = SavedModel.load(models.resolve("long/checkpoint.regen"));
        assertTrue(checkpoint.file().manifest().state().epoch() >= 1);
        assertFalse(Files.exists(models.resolve("later")), "the queued job never made its folder");
    }

    private static JsonNode until(int id, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (JsonNode job : get("/api/jobs")) {
                if (job.get("id").asInt() == id) {
                    assertFalse(job.get("state").asText().equals("failed"), job.toString());
                    if (done.test(job)) {
                        return job;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not get there: " + get("/api/jobs"));
    }

    private static JsonNode get(String path) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(studio.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static HttpResponse<String> send(Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(studio.url() + "api/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode post(Object body) throws Exception {
        HttpResponse<String> response = send(body);
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static int postStatus(Object body) throws Exception {
        return send(body).statusCode();
    }

    private static JsonNode delete(int id) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(studio.url() + "api/jobs/" + id)).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
