package dev.regen.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page in a real browser: Debian's headless Chromium driven by Selenium picks a model,
 * generates, moves a slider, uploads an image, draws a mask with the mouse and restores. The
 * screenshot lands in {@code target/studio-screenshot.png}. Without Chromium the test is skipped,
 * except under CI ({@code CI=true}), where {@code .ci/run} installs it and its absence fails.
 */
class StudioBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static Studio studio;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI needs " + CHROMIUM + " and " + DRIVER + " (apt-get install chromium "
                    + "chromium-driver; .ci/run does)");
        }
        Assumptions.assumeTrue(present, "no Chromium here: apt-get install chromium chromium-driver");
        studio = new Studio(StudioSettings.of(StudioModels.folder(), "127.0.0.1", 0, List.of())).start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        // Naming the driver keeps Selenium Manager, which would download one, out of it.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (studio != null) {
            studio.close();
        }
    }

    @Test
    void generatesExploresAndRestoresADrawnRegion() throws Exception {
        browser.get(studio.url());
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#models li[data-name='" + StudioModels.VAE + "']"))).click();
        assertTrue(imageShown("sample-grid"), "the sample grid appears");

        browser.findElement(By.cssSelector("[data-tab='explore']")).click();
        WebElement slider = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                ".direction-slider")));
        imageShown("explore-image");
        double before = pixelSum("explore-image");
        String shown = browser.findElement(By.id("explore-image")).getAttribute("src");
        new Actions(browser).moveToElement(slider).clickAndHold().moveByOffset(slider.getSize().width / 2 - 2, 0)
                .release().perform();
        wait.until(d -> !shown.equals(d.findElement(By.id("explore-image")).getAttribute("src")));
        imageShown("explore-image");
        assertNotEquals(before, pixelSum("explore-image"), 0.5, "moving the slider changes the sample");

        browser.findElement(By.cssSelector("[data-tab='restore']")).click();
        File upload = testImage();
        browser.findElement(By.id("restore-file")).sendKeys(upload.getAbsolutePath());
        WebElement canvas = browser.findElement(By.id("restore-canvas"));
        wait.until(d -> ((Number) script("return document.getElementById('restore-canvas').width")).intValue() == 28);
        new Actions(browser).moveToElement(canvas, -40, -40).clickAndHold().moveByOffset(80, 0).moveByOffset(0, 40)
                .moveByOffset(-80, 0).release().perform();
        long masked = ((Number) script("return state.restore.mask.reduce((a, b) => a + b, 0)")).longValue();
        assertTrue(masked > 20, "the mouse drew the missing region: " + masked + " pixels");
        browser.findElement(By.id("restore-button")).click();
        wait.until(d -> String.valueOf(d.findElement(By.id("restored-image")).getAttribute("src"))
                .startsWith("data:image/png"));
        imageShown("restored-image");
        assertNotEquals(pixelSum("damaged-image"), pixelSum("restored-image"), 0.5,
                "the restoration differs from the damaged input");
        assertTrue(browser.findElement(By.id("status")).getText().contains("restoring: done"),
                browser.findElement(By.id("status")).getText());
        Files.write(Path.of("target", "studio-screenshot.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aRestorationNetworkOffersItsOwnMethodAndDamageAndRestoresWithThem() throws Exception {
        browser.get(studio.url());
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#models li[data-name='" + StudioModels.DENOISER + "']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("panel-restore")));
        assertEquals(List.of("network"), script("return [...document.getElementById('method').options]"
                + ".map(o => o.value)"));
        assertEquals(List.of("denoise"), script("return [...document.getElementById('task').options]"
                + ".filter(o => !o.disabled).map(o => o.value)"));
        assertEquals("denoise", browser.findElement(By.id("task")).getAttribute("value"));
        assertTrue(browser.findElement(By.id("model-info")).getText().contains("trained to undo noise:0.2"));
        browser.findElement(By.id("restore-file")).sendKeys(testImage().getAbsolutePath());
        wait.until(d -> ((Number) script("return document.getElementById('restore-canvas').width")).intValue() == 28);
        browser.findElement(By.id("restore-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("restore-note"), "network, noise"));
        imageShown("restored-image");
    }

    @Test
    void theTrainingPageShowsARunsLossCurveAndNewestSamples() {
        browser.get(studio.url());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-tab='training']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#runs li[data-name='vae']"))).click();
        wait.until(d -> ((Number) script("return document.querySelectorAll('#loss-curve polyline').length")).intValue()
                == 2);
        assertTrue(imageShown("run-samples"), "the run's newest sample grid appears");
        assertTrue(browser.findElement(By.id("loss-curve")).getText().contains("-elbo by epoch"),
                browser.findElement(By.id("loss-curve")).getText());
    }

    @Test
    void aBrokenModelShowsItsErrorOnThePage() {
        browser.get(studio.url());
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#models li[data-name='" + StudioModels.BROKEN + "']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "cannot be used"));
        assertTrue(browser.findElement(By.id("model-info")).getText().contains("broken.regen"));
        assertEquals("true", browser.findElement(By.id("status")).getAttribute("class").contains("error") ? "true"
                : "false");
    }

    /** Waits until image {@code id} has loaded a picture. */
    private static boolean imageShown(String id) {
        return wait.until(d -> ((Number) script("const i = document.getElementById('" + id + "');"
                + " return i.complete && i.src ? i.naturalWidth : 0")).intValue() > 0);
    }

    /** The sum of the red channel of image {@code id}, read through a canvas. */
    private static double pixelSum(String id) {
        return ((Number) script("const i = document.getElementById('" + id + "');"
                + " const c = document.createElement('canvas'); c.width = i.naturalWidth; c.height = i.naturalHeight;"
                + " const g = c.getContext('2d'); g.drawImage(i, 0, 0);"
                + " const d = g.getImageData(0, 0, c.width, c.height).data; let s = 0;"
                + " for (let p = 0; p < d.length; p += 4) s += d[p]; return s;")).doubleValue();
    }

    private static Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    /** A held-out Fashion-MNIST image from the studio itself, as a PNG file to upload. */
    private static File testImage() throws Exception {
        String url = (String) script("return fetch('/api/test-images?model=" + StudioModels.VAE + "&n=1')"
                + ".then(r => r.json()).then(j => j.images[0])");
        byte[] png = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
        assertEquals(28, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
        Path file = Files.createTempFile("upload", ".png");
        Files.write(file, png);
        return file.toFile();
    }
}
