package dev.regen.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regen.config.Background;
import dev.regen.data.ImageDecoder;
import dev.regen.data.damage.GaussianNoise;
import dev.regen.io.ImageWriter;
import dev.regen.model.SavedModel;
import dev.regen.restore.ImageRestorer;
import dev.regen.restore.Method;
import dev.regen.restore.RestoreSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The studio's HTTP API, served in-process over models trained on the shipped data. */
class StudioApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long UPLOAD_LIMIT = 256 << 10;
    static Studio studio;

    @BeforeAll
    static void start() {
        Path models = StudioModels.folder();
        studio = new Studio(new StudioSettings(models, "127.0.0.1", 0, UPLOAD_LIMIT, 512, 4, List.of())).start();
    }

    @AfterAll
    static void stop() {
        studio.close();
    }

    @Test
    void listsEveryModelWithWhatItCanDoAndABrokenFileWithItsError() throws Exception {
        JsonNode models = json(get("/api/models"));
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        models.forEach(m -> byName.put(m.get("name").asText(), m));
        assertEquals(List.of("generate", "explore", "interpolate", "restore", "edit"),
                JSON.convertValue(byName.get(StudioModels.VAE).get("uses"), List.class));
        assertEquals(List.of("translate"), JSON.convertValue(byName.get(StudioModels.PIX2PIX).get("uses"), List.class));
        assertEquals(List.of("a2b"), JSON.convertValue(byName.get(StudioModels.PIX2PIX).get("directions"), List.class));
        assertTrue(byName.get(StudioModels.BROKEN).get("error").asText().contains("broken.regen"),
                byName.get(StudioModels.BROKEN).toString());
        // Checkpoints are models too, and a run's folder holds both.
        assertTrue(byName.containsKey("vae/checkpoint.regen"));
    }

    @Test
    void samplesAGridThatASeedRepeatsAndAnotherChanges() throws Exception {
        HttpResponse<byte[]> first = get("/api/sample.png?model=" + StudioModels.VAE + "&seed=3&n=16&columns=4");
        assertEquals(200, first.statusCode());
        assertEquals("image/png", first.headers().firstValue("Content-Type").orElse(""));
        BufferedImage grid = png(first.body());
        assertEquals(4 * 28, grid.getWidth() - 5 * gap(grid, 4), "four columns of 28-pixel samples");
        assertArrayEquals(first.body(), get("/api/sample.png?model=" + StudioModels.VAE + "&seed=3&n=16&columns=4")
                .body());
        assertFalse(Arrays.equals(first.body(), get("/api/sample.png?model=" + StudioModels.VAE
                + "&seed=4&n=16&columns=4").body()));
    }

    @Test
    void slidersMoveTheSampleAlongPrincipalDirectionsOfTheTrainingCodes() throws Exception {
        JsonNode directions = json(get("/api/directions?model=" + StudioModels.VAE));
        assertEquals(8, directions.get("directions").size());
        assertTrue(directions.get("source").asText().contains("principal directions"));
        String base = "/api/explore.png?model=" + StudioModels.VAE + "&seed=2&n=16&index=5&amounts=";
        byte[] still = get(base + "0,0").body();
        byte[] moved = get(base + "2,0").body();
        assertEquals(28, png(still).getWidth());
        assertArrayEquals(still, get(base).body(), "zero amounts leave the sample as it is");
        assertTrue(meanDifference(png(still), png(moved)) > 1, "two standard deviations along pc1 change the image");
        assertEquals(400, get(base + "1,x").statusCode());
        assertEquals(400, get(base + "11").statusCode(), "amounts beyond 10 standard deviations are refused");
    }

    @Test
    void interpolatesFromASampleToAnUploadedImage() throws Exception {
        String image = json(get("/api/test-images?model=" + StudioModels.VAE + "&n=1")).get("images").get(0).asText();
        HttpResponse<byte[]> strip = post("/api/interpolate.png", Map.of("model", StudioModels.VAE,
                "from", Map.of("seed", 1), "to", Map.of("image", image), "steps", 5));
        assertEquals(200, strip.statusCode(), new String(strip.body()));
        assertEquals(28, png(strip.body()).getHeight() - 2 * gap(png(strip.body()), 5));
    }

    @Test
    void inpaintsTheDrawnRegionAndKeepsEveryKnownPixel() throws Exception {
        String image = json(get("/api/test-images?model=" + StudioModels.VAE + "&n=1")).get("images").get(0).asText();
        BufferedImage mask = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 8; y < 20; y++) {
            for (int x = 8; x < 20; x++) {
                mask.getRaster().setSample(x, y, 0, 255);
            }
        }
        JsonNode answer = json(post("/api/restore", Map.of("model", StudioModels.VAE, "image", image, "mask",
                dataUrl(mask), "task", "inpaint")));
        BufferedImage original = png(decodeUrl(image));
        BufferedImage restored = png(decodeUrl(answer.get("restored").asText()));
        BufferedImage damaged = png(decodeUrl(answer.get("damaged").asText()));
        double insideChange = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int r = restored.getRaster().getSample(x, y, 0);
                boolean missing = x >= 8 && x < 20 && y >= 8 && y < 20;
                if (missing) {
                    insideChange += Math.abs(r - damaged.getRaster().getSample(x, y, 0));
                } else {
                    assertEquals(original.getRaster().getSample(x, y, 0), r, 1, "known pixel (" + x + ", " + y + ")");
                }
            }
        }
        assertTrue(insideChange / 144 > 5, "the missing region is filled in: " + insideChange / 144);
    }

    @Test
    void posteriorSamplingShowsTheSpreadOfRestorations() throws Exception {
        String image = json(get("/api/test-images?model=" + StudioModels.VAE + "&n=1")).get("images").get(0).asText();
        JsonNode answer = json(post("/api/restore", Map.of("model", StudioModels.VAE, "image", image, "task",
                "denoise", "sigma", 0.3, "method", "posterior", "samples", 4)));
        BufferedImage samples = png(decodeUrl(answer.get("samples").asText()));
        assertEquals(4 * 28, samples.getWidth() - 5 * gap(samples, 4));
        assertEquals("posterior", answer.get("method").asText());
    }

    @Test
    void aRestorationNetworkUndoesTheDamageItLearnedByItsOwnPassAndRefusesOthers() throws Exception {
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        json(get("/api/models")).forEach(m -> byName.put(m.get("name").asText(), m));
        JsonNode denoiser = byName.get(StudioModels.DENOISER);
        assertEquals(List.of("restore"), JSON.convertValue(denoiser.get("uses"), List.class));
        assertEquals(List.of("network"), JSON.convertValue(denoiser.get("methods"), List.class));
        assertEquals("denoise", denoiser.get("task").asText());
        assertEquals("noise:0.2", denoiser.get("trainedOn").asText());
        assertEquals(List.of("optimisation", "posterior", "projection"),
                JSON.convertValue(byName.get(StudioModels.VAE).get("methods"), List.class));

        String image = json(get("/api/test-images?model=" + StudioModels.VAE + "&n=1")).get("images").get(0).asText();
        JsonNode answer = json(post("/api/restore", Map.of("model", StudioModels.DENOISER, "image", image, "task",
                "denoise", "sigma", 0.2)));
        assertEquals("network", answer.get("method").asText(), "the default for a restoration network");

        // Sent damaged, the image is restored exactly as the library's network pass restores it.
        String noisy = answer.get("damaged").asText();
        BufferedImage served = png(decodeUrl(json(post("/api/restore", Map.of("model", StudioModels.DENOISER, "image",
                noisy, "task", "denoise", "sigma", 0.2, "damage", "observed"))).get("restored").asText()));
        ImageDecoder.Decoded upload = ImageDecoder.decode("noisy", decodeUrl(noisy), Background.WHITE);
        SavedModel saved = SavedModel.load(StudioModels.folder().resolve(StudioModels.DENOISER));
        ImageRestorer.Output expected = new ImageRestorer(saved.model(), GaussianNoise.of(0.2), Method.NETWORK,
                RestoreSettings.defaults()).restore(List.of(new ImageRestorer.Input("noisy", upload.pixels(),
                upload.shape())), 1L, (done, total) -> { }).get(0);
        assertArrayEquals(ImageWriter.toImage(expected.restored(), 0, expected.shape()).getRaster().getPixels(0, 0,
                28, 28, (int[]) null), served.getRaster().getPixels(0, 0, 28, 28, (int[]) null));

        BufferedImage mask = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        mask.getRaster().setSample(3, 3, 0, 255);
        assertStatus(400, post("/api/restore", Map.of("model", StudioModels.DENOISER, "image", image, "task",
                "inpaint", "mask", dataUrl(mask))), "trained to denoise");
        assertStatus(400, post("/api/restore", Map.of("model", StudioModels.DENOISER, "image", image, "task",
                "denoise", "method", "posterior")), "restores by network, not by posterior");
        assertStatus(400, post("/api/restore", Map.of("model", StudioModels.PIX2PIX, "image", image, "task",
                "denoise")), "can translate, not restore");
    }

    @Test
    void translatesAnImageLargerThanTheTrainingSizeAtItsOwnSize() throws Exception {
        BufferedImage input = ImageIO.read(StudioModels.DATA.resolve("emoji/google/train").toFile().listFiles()[0]
                .listFiles()[0]);
        JsonNode answer = json(post("/api/translate", Map.of("model", StudioModels.PIX2PIX, "image", dataUrl(input))));
        BufferedImage out = png(decodeUrl(answer.get("translated").asText()));
        assertEquals(input.getWidth(), out.getWidth());
        assertEquals(input.getHeight(), out.getHeight());
        assertEquals(400, post("/api/translate", Map.of("model", StudioModels.PIX2PIX, "image", dataUrl(input),
                "direction", "b2a")).statusCode(), "pix2pix translates one way only");
    }

    @Test
    void editsAnImageAlongANamedDirection() throws Exception {
        String image = json(get("/api/test-images?model=" + StudioModels.VAE + "&n=1")).get("images").get(0).asText();
        JsonNode answer = json(post("/api/edit", Map.of("model", StudioModels.VAE, "image", image, "direction", "pc1",
                "amount", 3)));
        assertTrue(answer.get("editedShare").asDouble() > 0, answer.toString());
        assertEquals(400, post("/api/edit", Map.of("model", StudioModels.VAE, "image", image, "direction", "nose"))
                .statusCode());
    }

    @Test
    void refusesUploadsThatAreTooLargeNotImagesOrBombs() throws Exception {
        Map<String, Object> base = Map.of("model", StudioModels.VAE, "task", "denoise");
        assertStatus(415, post("/api/restore", with(base, "image", Base64.getEncoder().encodeToString(
                "plain text".getBytes()))), "not a PNG, JPEG");
        assertStatus(413, post("/api/restore", with(base, "image", Base64.getEncoder().encodeToString(
                pngDeclaring(100_000, 100_000)))), "declares 100000 x 100000 pixels");
        assertStatus(413, post("/api/restore", with(base, "image", "A".repeat((int) UPLOAD_LIMIT))), "limit");
        assertStatus(400, post("/api/restore", with(base, "image", "***")), "not base64");
        assertStatus(400, HTTP.send(HttpRequest.newBuilder(uri("/api/restore")).header("Content-Type",
                "application/json").POST(
                HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofByteArray()),
                "not the JSON");
        assertStatus(400, HTTP.send(HttpRequest.newBuilder(uri("/api/restore")).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("null")).build(),
                HttpResponse.BodyHandlers.ofByteArray()), "JSON object");
    }

    @Test
    void namesResolveOnlyInsideTheModelsFolder() throws Exception {
        Path outside = Files.createTempFile("outside", ".regen");
        Path link = StudioModels.folder().resolve("link.regen");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, outside);
        try {
            for (String name : List.of("../" + outside.getFileName(), outside.toString(), "link.regen",
                    "vae/../../etc/passwd", "vae", "%2e%2e/x.regen", "nul\u0000.regen")) {
                assertStatus(404, get("/api/sample.png?model=" + URLEncoder.encode(name, StandardCharsets.UTF_8)),
                        "no model");
            }
            assertStatus(404, get("/api/runs/metrics?run=" + URLEncoder.encode("../", StandardCharsets.UTF_8)),
                    "no run");
        } finally {
            Files.delete(link);
            Files.delete(outside);
        }
    }

    @Test
    void aModelUsedForWhatItCannotDoOrBrokenGetsOneLine() throws Exception {
        assertStatus(400, get("/api/sample.png?model=" + StudioModels.PIX2PIX), "can translate, not generate");
        assertStatus(400, get("/api/sample.png?model=" + StudioModels.BROKEN), "broken.regen");
        assertStatus(400, get("/api/sample.png?model=" + StudioModels.VAE + "&label=1"), "conditional");
        assertStatus(404, get("/api/nothing"), "not found");
        assertStatus(501, post("/api/jobs", Map.of("name", "x", "data", "../data/fashion-mnist")), "without a way");
    }

    @Test
    void otherSitesCannotPostOrReachTheStudioThroughAnotherName() throws Exception {
        HttpResponse<byte[]> form = HTTP.send(HttpRequest.newBuilder(uri("/api/jobs")).header("Content-Type",
                "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertStatus(415, form, "carry JSON");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", studio.port())) {
            socket.getOutputStream().write(("GET /api/models HTTP/1.1\r\nHost: rebound.example:" + studio.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
            assertTrue(answer.contains("serves only this machine"), answer);
        }
    }

    @Test
    void showsRunsWithTheirEpochsCurvesAndNewestSamples() throws Exception {
        JsonNode runs = json(get("/api/runs"));
        JsonNode vae = null;
        for (JsonNode run : runs) {
            vae = run.get("name").asText().equals("vae") ? run : vae;
        }
        assertEquals(1, vae.get("epochs").asInt(), runs.toString());
        assertTrue(vae.get("finished").asBoolean());
        JsonNode epochs = json(get("/api/runs/metrics?run=vae")).get("epochs");
        assertTrue(epochs.get(0).get("train").fields().hasNext(), epochs.toString());
        assertTrue(png(get("/api/runs/samples.png?run=vae").body()).getWidth() > 28);
    }

    @Test
    void concurrentRequestsAllSucceedOrAreToldToWait() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                int seed = i;
                statuses.add(clients.submit(() -> get("/api/sample.png?model=" + StudioModels.VAE + "&n=64&seed="
                        + seed).statusCode()));
            }
            int ok = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get();
                assertTrue(code == 200 || code == 429, "status " + code);
                ok += code == 200 ? 1 : 0;
            }
            assertTrue(ok > 0);
        } finally {
            clients.shutdown();
        }
    }

    private static void assertStatus(int status, HttpResponse<byte[]> response, String says) throws IOException {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(status, response.statusCode(), body);
        assertTrue(JSON.readTree(body).get("error").asText().contains(says), body);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> all = new java.util.HashMap<>(base);
        all.put(key, value);
        return all;
    }

    /** The grey gap between tiles, from a grid of {@code columns} tiles of 28 pixels. */
    private static int gap(BufferedImage grid, int columns) {
        return (grid.getWidth() - columns * 28) / (columns + 1);
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Math.abs(a.getRaster().getSample(x, y, 0) - b.getRaster().getSample(x, y, 0));
            }
        }
        return sum / (a.getWidth() * a.getHeight());
    }

    /** A PNG whose header declares {@code width} x {@code height} pixels, with almost no data behind it. */
    static byte[] pngDeclaring(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", new byte[]{0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static String dataUrl(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static byte[] decodeUrl(String url) {
        return Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
    }

    private static BufferedImage png(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotEquals(null, image, "a PNG");
        return image;
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return JSON.readTree(response.body());
    }

    private static URI uri(String path) {
        return URI.create(studio.url() + path.substring(1));
    }

    private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> post(String path, Object body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
