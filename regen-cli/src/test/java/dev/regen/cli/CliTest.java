package dev.regen.cli;

import dev.regen.config.DataConfig;
import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import dev.regen.config.Provenance;
import dev.regen.config.TrainConfig;
import dev.regen.config.TrainingState;
import dev.regen.data.ImageDataset;
import dev.regen.data.IdxReader;
import dev.regen.io.ImageWriter;
import dev.regen.io.Manifest;
import dev.regen.io.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the command line in-process, as a user would type it, and checks exit codes and output. */
class CliTest {
    static final String DATA = Path.of("..", "data", "fashion-mnist", "t10k-images-idx3-ubyte.gz").toString();

    @TempDir
    static Path temp;
    static Path run;

    record Result(int code, String out, String err) {
    }

    static Result regen(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = RegenCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        Result r = new Result(code, out.toString(), err.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        return r;
    }

    /** Runs {@code args}, expecting exit status 1 (bad input) and {@code message} within the error line. */
    /** {@code args} followed by {@code more}. */
    static String[] concat(String[] args, String... more) {
        return Stream.concat(Arrays.stream(args), Arrays.stream(more)).toArray(String[]::new);
    }

    static void assertBadInput(String message, String... args) {
        Result r = regen(args);
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    /** The first {@code n} test images with Gaussian noise of sigma 0.3, as PNGs in a new folder. */
    static Path noisyImages(String folder, int n) {
        Path out = temp.resolve(folder);
        Result r = regen("corrupt", "--input", DATA, "--corruption", "noise:0.3", "--n", String.valueOf(n), "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        return out;
    }

    @BeforeAll
    static void trainOneEpoch() {
        run = temp.resolve("run");
        Result r = regen("train", "--data", DATA, "--test-fraction", "0.2", "--epochs", "1", "--batch", "64",
                "--latent", "8", "--threads", "2", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("test -ELBO"), r.out());
        assertTrue(r.err().contains("epoch 1: train loss"), r.err());
    }

    @Test
    void usesOfATrainedModelWriteTheirImages() {
        String model = run.resolve("model.regen").toString();
        assertEquals(0, regen("sample", model, "--n", "12", "--out", temp.resolve("s.png").toString(),
                "--each", temp.resolve("each").toString()).code());
        assertTrue(Files.isRegularFile(temp.resolve("each").resolve("sample-0011.png")));
        assertEquals(0, regen("reconstruct", model, "--data", DATA, "--n", "4", "--out",
                temp.resolve("r.png").toString()).code());
        assertEquals(0, regen("interpolate", model, "--data", DATA, "--from", "3", "--to", "9", "--spherical",
                "--out", temp.resolve("i.png").toString()).code());
        assertEquals(0, regen("interpolate", model, "--steps", "5", "--out", temp.resolve("j.png").toString()).code());
        for (String png : new String[]{"s.png", "r.png", "i.png", "j.png"}) {
            assertTrue(Files.isRegularFile(temp.resolve(png)), png);
        }
    }

    @Test
    void embedWritesOneCodePerImageAndProbeReadsTheClassesFromCodes() throws Exception {
        Path codes = temp.resolve("codes").resolve("test.npy");
        Result r = regen("embed", run.resolve("model.regen").toString(), "--data", DATA, "--limit", "300", "--out",
                codes.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("300 codes of 8 dimensions"), r.out());
        // 8 float32 per image after the 128-byte header; 300 int64 labels after theirs.
        assertEquals(128 + 300 * 8 * 4, Files.size(codes));
        assertEquals(128 + 300 * 8, Files.size(temp.resolve("codes").resolve("test-labels.npy")));
        String folder = Path.of("..", "data", "fashion-mnist").toString();
        Result probe = regen("probe", run.resolve("model.regen").toString(), "--data", folder, "--per-class", "5",
                "--draws", "2", "--spread");
        assertEquals(0, probe.code(), probe.err());
        // The mean row: codes, pixels, codes spread, pixels spread.
        String meanRow = probe.out().lines().filter(line -> line.startsWith("mean")).findFirst().orElseThrow();
        double[] means = Pattern.compile("([0-9.]+)% \\+-").matcher(meanRow).results()
                .mapToDouble(match -> Double.parseDouble(match.group(1))).toArray();
        assertEquals(4, means.length, probe.out());
        assertTrue(means[0] > 30, "ten classes from 50 labels, chance 10%: " + probe.out());
        assertTrue(means[2] > 30, "spread over the codes: " + probe.out());
        assertBadInput("has no test set beside it", "probe", run.resolve("model.regen").toString(), "--data", DATA);
        assertBadInput("class 0 has", "probe", run.resolve("model.regen").toString(), "--data", folder,
                "--per-class", "5000");
        assertBadInput("--limit must be between", "embed", run.resolve("model.regen").toString(), "--data", DATA,
                "--limit", "-1", "--out", temp.resolve("never.npy").toString());
        assertFalse(Files.exists(temp.resolve("never.npy")));
    }

    @Test
    void attributesFindClassDirectionsThatEditMovesImagesAlong() throws Exception {
        String model = run.resolve("model.regen").toString();
        Result found = regen("attributes", model, "--data", DATA, "--limit", "500", "--components", "3");
        assertEquals(0, found.code(), found.err());
        assertTrue(found.out().contains("103 directions from the codes of 500 images"),
                "10 classes, 90 pairs, 3 principal: " + found.out());
        assertTrue(Files.isRegularFile(run.resolve("model.attributes.json")));
        Path inputs = noisyImages("edit-inputs", 3);
        Path edited = temp.resolve("edited");
        Result edit = regen("edit", model, "--input", inputs.toString(), "--direction", "7-to-9", "--out",
                edited.toString());
        assertEquals(0, edit.code(), edit.err());
        assertTrue(edit.out().contains("edited 3 images 1 times"), edit.out());
        try (var files = Files.list(edited)) {
            assertEquals(3, files.count());
        }
        Result strip = regen("edit", model, "--input", inputs.toString(), "--direction", "pc1", "--strip",
                "-2,0,2", "--out", temp.resolve("strips").toString());
        assertEquals(0, strip.code(), strip.err());
        assertTrue(strip.out().contains("pc1 by +0.00: 0.0% of pixels changed"), "amount 0 changes nothing: "
                + strip.out());
        assertTrue(Files.isRegularFile(temp.resolve("strips").resolve("strips.png")));
        assertBadInput("no direction 'smile': the model's directions are 0, 1, 2", "edit", model, "--input",
                inputs.toString(), "--direction", "smile", "--out", temp.resolve("never-edited").toString());
        assertBadInput("amount 12.0 is out of range", "edit", model, "--input", inputs.toString(), "--direction",
                "pc1", "--amount", "12", "--out", temp.resolve("never-edited").toString());
        assertFalse(Files.exists(temp.resolve("never-edited")));

        Result scored = regen("eval-edit", model, "--input", inputs.toString(), "--target", edited.toString(),
                "--direction", "7-to-9", "--fit-input", inputs.toString(), "--fit-target", edited.toString());
        assertEquals(0, scored.code(), scored.err());
        // The targets are this very edit, so the edit matches them up to PNG's 8-bit rounding.
        double psnr = Double.parseDouble(scored.out().replaceAll("(?s).*\\nregen edit +([0-9.]+).*", "$1"));
        assertTrue(psnr > 45, scored.out());
        assertTrue(scored.out().contains("colour mapping (3 pairs)"), scored.out());
        assertBadInput("3 of 3 images have no image of the same name", "eval-edit", model, "--input",
                inputs.toString(), "--target", temp.resolve("strips").toString(), "--direction", "7-to-9");
    }

    @Test
    void aGanEditsThroughCodesFoundByInvertingItsGenerator() throws Exception {
        Path gan = temp.resolve("plain-gan");
        Result trained = regen("train", "--data", DATA, "--model", "dcgan", "--test-fraction", "0.5", "--epochs", "1",
                "--batch", "64", "--width", "8", "--latent", "8", "--out", gan.toString());
        assertEquals(0, trained.code(), trained.err());
        String model = gan.resolve("model.regen").toString();
        Result found = regen("attributes", model, "--data", DATA, "--limit", "100", "--components", "2", "--steps",
                "20", "--restarts", "1");
        assertEquals(0, found.code(), found.err());
        assertTrue(found.out().contains("102 directions from the codes of 100 images"), found.out());
        Path inputs = noisyImages("gan-edit-inputs", 2);
        Result edit = regen("edit", model, "--input", inputs.toString(), "--direction", "pc1", "--strip", "0,3",
                "--steps", "20", "--out", temp.resolve("gan-edited").toString());
        assertEquals(0, edit.code(), edit.err());
        assertTrue(edit.out().contains("pc1 by +0.00: 0.0% of pixels changed"), edit.out());
        assertTrue(edit.out().contains("edited 2 images 2 times"), edit.out());
        assertTrue(Files.isRegularFile(temp.resolve("gan-edited").resolve("strips.png")));
        assertBadInput("steps must be between 1 and 100000, got 0", "edit", model, "--input", inputs.toString(), "--direction", "pc1",
                "--steps", "0", "--out", temp.resolve("never-gan-edited").toString());
        assertFalse(Files.exists(temp.resolve("never-gan-edited")));
    }

    @Test
    void pix2pixTrainsOnPairsAndTranslatesImagesOfAnySize() throws Exception {
        Path emoji = Path.of("..", "data", "emoji");
        String google = emoji.resolve("google").toString();
        String twitter = emoji.resolve("twitter").toString();
        Path p2p = temp.resolve("pix2pix");
        Result trained = regen("train", "--model", "pix2pix", "--data", google, "--target", twitter, "--size", "32",
                "--width", "8", "--epochs", "1", "--batch", "16", "--out", p2p.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.err().contains("training pix2pix on 400 pairs 3x32x32 -> 3x32x32 (test: 95)"),
                trained.err());
        assertTrue(trained.out().contains("test pairs     mean L1"), trained.out());
        String model = p2p.resolve("model.regen").toString();
        Path inputs = Files.createDirectories(temp.resolve("translate-inputs"));
        Files.copy(emoji.resolve("google/test/objects/1f4e2.png"), inputs.resolve("megaphone.png"));
        BufferedImage odd = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
        odd.setRGB(10, 10, 0xff8800);
        ImageIO.write(odd, "png", inputs.resolve("odd.png").toFile());
        Path out = temp.resolve("translated");
        Result translated = regen("translate", model, "--input", inputs.toString(), "--out", out.toString());
        assertEquals(0, translated.code(), translated.err());
        assertTrue(translated.out().contains("2 of them not at the training size 32x32, translated at their own (1 "
                + "padded to a multiple of 32"), translated.out());
        BufferedImage back = ImageIO.read(out.resolve("odd.png").toFile());
        assertEquals(50, back.getWidth());
        assertEquals(40, back.getHeight());
        assertEquals(64, ImageIO.read(out.resolve("megaphone.png").toFile()).getWidth());
        Result scored = regen("eval-translate", model, "--input", emoji.resolve("google/test/objects").toString(),
                "--target", emoji.resolve("twitter/test/objects").toString(), "--fit-input",
                emoji.resolve("google/train/objects").toString(), "--fit-target",
                emoji.resolve("twitter/train/objects").toString());
        assertEquals(0, scored.code(), scored.err());
        assertTrue(scored.out().contains("input itself") && scored.out().contains("colour mapping (40 pairs)")
                && scored.out().contains("regen translate (pix2pix)"), scored.out());
        String objects = emoji.resolve("google/test/objects").toString();
        String objectTargets = emoji.resolve("twitter/test/objects").toString();
        String[] tiny = {"train", "--model", "pix2pix", "--data", objects, "--target", objectTargets, "--size", "32",
                "--width", "8", "--epochs", "1", "--batch", "10"};
        Path member = temp.resolve("pix2pix-member");
        assertEquals(0, regen(concat(tiny, "--out", member.toString())).code());
        Result averaged = regen("eval-translate", model, "--ensemble", member.resolve("model.regen").toString(),
                "--input", objects, "--target", objectTargets);
        assertEquals(0, averaged.code(), averaged.err());
        assertTrue(averaged.out().contains("regen translate (pix2pix x2)"), averaged.out());
        Path ensembled = temp.resolve("ensembled");
        Result both = regen("translate", model, "--ensemble", member.resolve("model.regen").toString(), "--input",
                inputs.toString(), "--out", ensembled.toString());
        assertEquals(0, both.code(), both.err());
        assertEquals(50, ImageIO.read(ensembled.resolve("odd.png").toFile()).getWidth());
        Path black = temp.resolve("pix2pix-black");
        assertEquals(0, regen(concat(tiny, "--background", "black", "--out", black.toString())).code());
        assertBadInput("trained on images composited onto black and MODEL onto white", "translate", model,
                "--ensemble", black.resolve("model.regen").toString(), "--input", inputs.toString(), "--out",
                temp.resolve("never-translated").toString());
        assertBadInput("holds a 'vae' model; this needs a 'pix2pix' or 'cyclegan' model", "eval-translate", model,
                "--ensemble", run.resolve("model.regen").toString(), "--input", objects, "--target", objectTargets);

        assertBadInput("b2a needs a two-way model", "translate", model, "--input", inputs.toString(), "--direction",
                "b2a", "--out", temp.resolve("never-translated").toString());
        Path huge = Files.createDirectories(temp.resolve("huge-inputs"));
        Files.copy(inputs.resolve("odd.png"), huge.resolve("a-small.png"));
        ImageIO.write(new BufferedImage(1100, 1000, BufferedImage.TYPE_INT_RGB), "png", huge.resolve("b-huge.png")
                .toFile());
        assertBadInput("a 1000x1100 image is too large to translate at its own size", "translate", model, "--input",
                huge.toString(), "--out", temp.resolve("never-translated").toString());
        assertBadInput("holds a 'vae' model; this needs a 'pix2pix' or 'cyclegan' model", "translate",
                run.resolve("model.regen").toString(), "--input", inputs.toString(), "--out",
                temp.resolve("never-translated").toString());
        assertBadInput("holds a 'pix2pix' model; this needs a 'vae' or 'gan' model", "sample", model, "--out",
                temp.resolve("never-sampled.png").toString());
        assertFalse(Files.exists(temp.resolve("never-translated")));
        assertBadInput("pix2pix translates images: give the targets with --target DIR", "train", "--model", "pix2pix",
                "--data", google, "--out", temp.resolve("never-trained").toString());
        assertBadInput("--target gives a translation model (pix2pix, cyclegan) its targets, not dcgan", "train", "--model",
                "dcgan", "--data", google, "--target", twitter, "--out", temp.resolve("never-trained").toString());
        Path fewer = Files.createDirectories(temp.resolve("fewer-targets"));
        Files.copy(emoji.resolve("twitter/test/objects/1f4e2.png"), fewer.resolve("1f4e2.png"));
        assertBadInput("9 of the 10 images in", "train", "--model", "pix2pix", "--data",
                emoji.resolve("google/test/objects").toString(), "--target", fewer.toString(), "--out",
                temp.resolve("never-trained").toString());
        assertFalse(Files.exists(temp.resolve("never-trained")));
    }

    @Test
    void aCycleGanTrainsOnUnpairedFoldersAndTranslatesBothWays() throws Exception {
        Path emoji = Path.of("..", "data", "emoji");
        Path cycle = temp.resolve("cyclegan");
        Result trained = regen("train", "--model", "cyclegan", "--data", emoji.resolve("google").toString(),
                "--target", emoji.resolve("twitter").toString(), "--size", "16", "--channels", "1", "--width", "4",
                "--epochs", "1", "--batch", "8", "--pool-size", "5", "--out", cycle.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.err().contains("training cyclegan on 400 unpaired items"), trained.err());
        assertTrue(trained.out().contains("identity loss  off: the two domains differ in channels"), trained.out());
        String model = cycle.resolve("model.regen").toString();
        Path objects = emoji.resolve("twitter/test/objects");
        Result back = regen("translate", model, "--input", objects.toString(), "--direction", "b2a", "--out",
                temp.resolve("cycled-back").toString());
        assertEquals(0, back.code(), back.err());
        BufferedImage colour = ImageIO.read(temp.resolve("cycled-back").resolve("1f4e2.png").toFile());
        assertEquals(64, colour.getWidth(), "translated at its own size");
        Result scored = regen("eval-translate", model, "--direction", "b2a", "--input", objects.toString(),
                "--target", emoji.resolve("google/test/objects").toString());
        assertEquals(0, scored.code(), scored.err());
        assertTrue(scored.out().contains("10 images translated at 3x16x16") && scored.out().contains(
                "regen translate (cyclegan)"), scored.out());
        Result sideways = regen("translate", model, "--input", objects.toString(), "--direction", "sideways", "--out",
                temp.resolve("never-cycled").toString());
        assertEquals(ExitCodes.USAGE, sideways.code());
        assertTrue(sideways.err().contains("direction must be one of a2b|b2a, got 'sideways'"), sideways.err());
        assertFalse(Files.exists(temp.resolve("never-cycled")));
    }

    @Test
    void sketchesPairImagesWithTheirEdgesForASketchToImageModel() {
        Path pairs = temp.resolve("sketch-pairs");
        Result sketched = regen("sketch", "--input", Path.of("..", "data", "fashion-mnist").toString(), "--n", "64",
                "--out", pairs.toString());
        assertEquals(0, sketched.code(), sketched.err());
        assertTrue(sketched.out().contains("wrote 128 images and their sketches (train and test)"), sketched.out());
        assertTrue(Files.isRegularFile(pairs.resolve("edges/test/00063.png")));
        assertBadInput("already exists", "sketch", "--input", DATA, "--out", pairs.toString());
        Path p2p = temp.resolve("sketch-model");
        Result trained = regen("train", "--model", "pix2pix", "--data", pairs.resolve("edges").toString(), "--target",
                pairs.resolve("images").toString(), "--width", "8", "--epochs", "1", "--batch", "16", "--out",
                p2p.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.err().contains("on 64 pairs 1x28x28 -> 1x28x28 (test: 64)"), trained.err());
        Result scored = regen("eval-translate", p2p.resolve("model.regen").toString(), "--input",
                pairs.resolve("edges/test").toString(), "--target", pairs.resolve("images/test").toString(),
                "--fit-input", pairs.resolve("edges/train").toString(), "--fit-target",
                pairs.resolve("images/train").toString(), "--sketch-fill");
        assertEquals(0, scored.code(), scored.err());
        assertTrue(scored.out().contains("blurred-edge fill"), scored.out());
        assertBadInput("--sketch-fill is fitted on training pairs", "eval-translate",
                p2p.resolve("model.regen").toString(), "--input", pairs.resolve("edges/test").toString(), "--target",
                pairs.resolve("images/test").toString(), "--sketch-fill");
    }

    @Test
    void aConditionalGanTrainsAndGeneratesTheClassItIsAskedFor() {
        Path gan = temp.resolve("gan");
        Result trained = regen("train", "--data", DATA, "--model", "dcgan", "--conditional", "--test-fraction", "0.5",
                "--epochs", "1", "--batch", "64", "--width", "8", "--latent", "8", "--out", gan.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("conditional on 10 classes"), trained.out());
        assertTrue(trained.err().contains("epoch 1: train d "), trained.err());
        String model = gan.resolve("model.regen").toString();
        assertEquals(0, regen("sample", model, "--n", "8", "--label", "3", "--out", temp.resolve("g3.png").toString())
                .code());
        assertEquals(0, regen("interpolate", model, "--label", "7", "--out", temp.resolve("gi.png").toString()).code());
        assertBadInput("label 10 is out of range", "sample", model, "--label", "10", "--out",
                temp.resolve("g10.png").toString());
        assertBadInput("holds a 'gan' model; this needs a 'vae' model", "reconstruct", model, "--data", DATA,
                "--out", temp.resolve("gr.png").toString());
        assertBadInput("holds a 'gan' model; this needs a 'vae' model", "embed", model, "--data", DATA,
                "--out", temp.resolve("gan.npy").toString());
        assertBadInput("holds a 'gan' model; this needs a 'vae' model", "eval-anomaly", model, "--data", DATA,
                "--normal-labels", "1");
        assertBadInput("keeps the class in its label", "attributes", model, "--data", DATA);
        assertBadInput("--label needs a conditional model", "sample", run.resolve("model.regen").toString(),
                "--label", "1");
    }

    @Test
    void aConditionalVaeTrainsSamplesAClassAndReconstructsWithLabels() {
        Path cvae = temp.resolve("cvae");
        Result trained = regen("train", "--data", DATA, "--conditional", "--test-fraction", "0.5", "--epochs", "1",
                "--width", "8", "--latent", "4", "--out", cvae.toString());
        assertEquals(0, trained.code(), trained.err());
        String model = cvae.resolve("model.regen").toString();
        assertEquals(0, regen("sample", model, "--label", "5", "--n", "8", "--out", temp.resolve("c5.png").toString())
                .code());
        assertEquals(0, regen("reconstruct", model, "--data", DATA, "--n", "4", "--out",
                temp.resolve("cr.png").toString()).code());
        Result eval = regen("eval", model, "--data", DATA, "--limit", "50", "--samples", "5");
        assertEquals(0, eval.code(), eval.err());
    }

    @Test
    void augmentWritesBalancedClassFoldersThatAClassifierTrainsOnBesideAFewRealImages() throws Exception {
        Path cvae = temp.resolve("augmenter");
        assertEquals(0, regen("train", "--data", DATA, "--conditional", "--test-fraction", "0.5", "--epochs", "1",
                "--width", "8", "--latent", "4", "--out", cvae.toString()).code());
        String model = cvae.resolve("model.regen").toString();
        Path synthetic = temp.resolve("synthetic");
        Result augmented = regen("augment", model, "--n", "30", "--out", synthetic.toString());
        assertEquals(0, augmented.code(), augmented.err());
        assertTrue(augmented.out().contains("wrote 30 images over 10 classes"), augmented.out());
        for (int label = 0; label < 10; label++) {
            try (var files = Files.list(synthetic.resolve(String.valueOf(label)))) {
                assertEquals(3, files.count(), "class " + label);
            }
        }
        Result classifier = regen("train-classifier", "--data", DATA, "--test-fraction", "0.5", "--per-class", "5",
                "--add-train", synthetic.toString(), "--epochs", "1", "--out", temp.resolve("few-real").toString());
        assertEquals(0, classifier.code(), classifier.err());
        assertTrue(classifier.err().contains("80 images"), "50 real and 30 synthetic: " + classifier.err());
        assertBadInput("already exists", "augment", model, "--n", "5", "--out", synthetic.toString());
        Result varied = regen("augment", model, "--variations", "--n", "12", "--out",
                temp.resolve("varied").toString());
        assertEquals(0, varied.code(), varied.err());
        assertTrue(varied.out().contains("wrote 12 variations of 1000 training images"), varied.out());
        try (var files = Files.walk(temp.resolve("varied"))) {
            assertEquals(12, files.filter(f -> f.toString().endsWith(".png")).count());
        }
        assertBadInput("takes no --label or --filter", "augment", model, "--variations", "--label", "1", "--out",
                temp.resolve("never").toString());
        assertBadInput("label 10 is out of range", "augment", model, "--label", "10", "--out",
                temp.resolve("never").toString());
        assertBadInput("keeps the class in its label", "attributes", model, "--data", DATA);
        assertBadInput("labels need a conditional model", "augment", run.resolve("model.regen").toString(),
                "--label", "1", "--out", temp.resolve("never").toString());
        assertFalse(Files.exists(temp.resolve("never")));
        assertFalse(Files.exists(temp.resolve(".never.tmp")), "nothing half-written");
    }

    @Test
    void aVaeWithALearnedPriorSamplesRestoresAndEstimatesFromItsFile() {
        Path mixture = temp.resolve("mixture");
        Result trained = regen("train", "--data", DATA, "--prior-components", "20", "--test-fraction", "0.5",
                "--epochs", "1", "--width", "8", "--latent", "4", "--out", mixture.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("latent 4, images 1x28x28, prior a mixture of 20 Gaussians"), trained.out());
        String model = mixture.resolve("model.regen").toString();
        assertTrue(regen("info", model).out().contains("\"priorComponents\" : 20"));
        assertEquals(0, regen("sample", model, "--n", "8", "--out", temp.resolve("m.png").toString()).code());
        Path damaged = noisyImages("speckled", 2);
        // The default method searches the latent space against the mixture's log-density.
        Result restored = regen("restore", model, "--input", damaged.toString(), "--task", "denoise", "--sigma", "0.3",
                "--steps", "20", "--out", temp.resolve("despeckled").toString());
        assertEquals(0, restored.code(), restored.err());
        Result eval = regen("eval", model, "--data", DATA, "--limit", "50", "--samples", "5");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("NLL (IWAE)"), eval.out());
    }

    @Test
    void aTrainedClassifierScoresModelsAndRefusesAnotherImageSize() {
        Path classifier = temp.resolve("clf");
        Result trained = regen("train-classifier", "--data", DATA, "--test-fraction", "0.2", "--epochs", "1",
                "--width", "8", "--features", "32", "--out", classifier.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("test accuracy"), trained.out());
        String clf = classifier.resolve("model.regen").toString();
        Result score = regen("score", run.resolve("model.regen").toString(), "--classifier", clf, "--data", DATA,
                "--n", "300");
        assertEquals(0, score.code(), score.err());
        assertTrue(score.out().contains("Frechet") && score.out().contains("precision"), score.out());
        String train = Path.of("..", "data", "fashion-mnist", "train-images-idx3-ubyte.gz").toString();
        Result images = regen("score", DATA, "--classifier", clf, "--data", DATA, "--n", "100", "--train", train);
        assertEquals(0, images.code(), images.err());
        assertTrue(images.out().contains("Frechet") && images.out().contains("label 9"), images.out());
        // The "generated" images are other held-out real ones: as far from the training set.
        double ratio = Double.parseDouble(images.out().replaceAll("(?s).*memorisation +([0-9.]+).*", "$1"));
        assertTrue(ratio > 0.8 && ratio < 1.25, images.out());
        Result copies = regen("score", train, "--classifier", clf, "--data", DATA, "--n", "100", "--train", train);
        assertTrue(copies.out().contains("memorisation   0.000"), copies.out());

        assertBadInput("holds a 'classifier' model; this needs a 'vae' or 'gan' model", "score", clf,
                "--classifier", clf, "--data", DATA, "--n", "300");

        Path big = temp.resolve("clf32");
        assertEquals(0, regen("train-classifier", "--data", DATA, "--size", "32", "--test-fraction", "0.5",
                "--epochs", "1", "--width", "8", "--features", "16", "--out", big.toString()).code());
        assertBadInput("the classifier was trained on 1x32x32 images; the model makes 1x28x28", "score",
                run.resolve("model.regen").toString(), "--classifier", big.resolve("model.regen").toString(),
                "--data", DATA, "--n", "100");
    }

    @Test
    void evalReportsElboAndAnImportanceSampledBoundThatIsNoWorse() {
        Result r = regen("eval", run.resolve("model.regen").toString(), "--data", DATA, "--limit", "200",
                "--samples", "50");
        assertEquals(0, r.code(), r.err());
        double elbo = Double.parseDouble(r.out().replaceAll("(?s).*-ELBO\\s+([0-9.]+) nats.*", "$1"));
        double nll = Double.parseDouble(r.out().replaceAll("(?s).*NLL \\(IWAE\\)\\s+([0-9.]+) nats.*", "$1"));
        assertTrue(nll <= elbo + 0.5, "IWAE bound " + nll + " should not exceed the ELBO bound " + elbo);
        assertTrue(r.out().contains("bits/dim"));
    }

    @Test
    void infoPrintsConfigAndProvenance() {
        Result r = regen("info", run.resolve("checkpoint.regen").toString());
        assertEquals(0, r.code());
        assertTrue(r.out().contains("\"kind\" : \"conv-vae\""), r.out());
        assertTrue(r.out().contains("regen train --data"), r.out());
        assertTrue(r.out().contains("optimizer.pt"), r.out());
    }

    @Test
    void resumeRefusesAFinishedRunButExtendsIt() throws Exception {
        assertBadInput("already finished its 1 epochs", "resume", run.toString());
        Path copy = temp.resolve("extended");
        Files.createDirectories(copy);
        Files.copy(run.resolve("checkpoint.regen"), copy.resolve("checkpoint.regen"));
        Result extended = regen("resume", copy.toString(), "--epochs", "2");
        assertEquals(0, extended.code(), extended.err());
        assertTrue(extended.err().contains("epoch 2: train loss"), extended.err());
        assertEquals(2, Files.readAllLines(copy.resolve("metrics.jsonl")).size());
    }

    @Test
    void tinyDatasetsTrainAndReportOnTheFewTestImagesTheyHave() throws Exception {
        ImageDataset real = IdxReader.read(Path.of(DATA), null);
        // The default test fraction of 10 images holds out one, of 20 two, of 2 one (at least one each way).
        trainsAndReports("conv-vae", npy(real, 10, temp.resolve("ten.npy")), "tiny-npy");
        trainsAndReports("conv-vae", pngs(real, 20, temp.resolve("twenty")), "tiny-folder");
        Path two = pngs(real, 2, temp.resolve("two"));
        trainsAndReports("conv-vae", two, "tiny-pair");
        trainsAndReports("dcgan", two, "tiny-pair-gan");
        Path one = pngs(real, 1, temp.resolve("one"));
        assertBadInput("needs at least 2 images to hold out a test set (it has 1), or a separate test set", "train",
                "--data", one.toString(), "--out", temp.resolve("tiny-one").toString());
        trainsAndReports("conv-vae", one, "tiny-one", "--test-data", one.toString());
    }

    /** Trains a {@code model} for one epoch on {@code data}; checks the exit status and the final report's files. */
    private static void trainsAndReports(String model, Path data, String folder, String... options) {
        Path out = temp.resolve(folder);
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--model", model, "--epochs",
                "1", "--width", "8", "--latent", "4", "--out", out.toString()));
        args.addAll(List.of(options));
        Result r = regen(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        List<String> files = new ArrayList<>(List.of("model.regen", "samples.png", "interpolation.png", "loss.png",
                "summary.txt"));
        if (model.endsWith("vae")) {
            files.add("reconstructions.png");
        }
        for (String file : files) {
            assertTrue(Files.isRegularFile(out.resolve(file)), folder + ": " + file + " missing");
        }
    }

    /** The first {@code n} images of {@code data} as PNG files in {@code folder}. */
    private static Path pngs(ImageDataset data, int n, Path folder) {
        for (int i = 0; i < n; i++) {
            ImageWriter.writePng(data.read(i), data.shape(), folder.resolve(String.format("%02d.png", i)));
        }
        return folder;
    }

    /** The first {@code n} images of {@code data} (one channel) as a uint8 N x H x W NPY array. */
    private static Path npy(ImageDataset data, int n, Path file) throws Exception {
        String header = String.format("{'descr': '|u1', 'fortran_order': False, 'shape': (%d, %d, %d), }", n,
                data.shape().height(), data.shape().width());
        // Magic, version, header length and header come to a multiple of 64 bytes, the header ending in a newline.
        header += " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        float[] pixels = data.read(java.util.stream.IntStream.range(0, n).toArray());
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + pixels.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (float p : pixels) {
            b.put((byte) Math.round(p * 255));
        }
        Files.write(file, b.array());
        return file;
    }

    @Test
    void theDemoWritesTheRunFolderTheReadmePromises() {
        assertTrue(CommandLine.populateCommand(new DemoCommand()).folder().toString().matches("runs/demo-\\d{8}-\\d{6}"));
        assertEquals(run, CommandLine.populateCommand(new DemoCommand(), "--out", run.toString()).folder());
    }

    /**
     * A first command on an empty native cache: train, as the demo does, which reaches the model
     * registry before the engine's start-up. Where the system has a libtorch of its own (Debian's
     * python3-torch) that crashed the JVM until every native was extracted first.
     */
    @Test
    void firstRunOnAnEmptyNativeCacheDoesNotCrash() throws Exception {
        Path cache = temp.resolve("empty-cache");
        Path out = temp.resolve("fresh-run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Dorg.bytedeco.javacpp.cachedir=" + cache, "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "train", "--data", DATA,
                "--test-fraction", "0.9", "--epochs", "1", "--latent", "4", "--threads", "2", "--out", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        assertTrue(Files.isRegularFile(out.resolve("model.regen")), output);
    }

    @Test
    void aOneClassVaeFlagsOtherClassesAndWritesItsScores() throws Exception {
        Path oneClass = temp.resolve("sneakers");
        Result trained = regen("train", "--data", DATA, "--labels", "7", "--test-fraction", "0.2", "--epochs", "10",
                "--batch", "32", "--latent", "8", "--width", "16", "--out", oneClass.toString());
        assertEquals(0, trained.code(), trained.err());
        int images = Integer.parseInt((trained.out() + trained.err()).replaceAll("(?s).* on (\\d+) images.*", "$1"));
        assertTrue(images > 100 && images < 250, "sneakers only: " + trained.err());
        String model = oneClass.resolve("model.regen").toString();
        Result eval = regen("eval-anomaly", model, "--data", DATA, "--normal-labels", "7", "--limit", "600", "--k", "8");
        assertEquals(0, eval.code(), eval.err());
        assertFalse(eval.out().contains("complexity"), "needs the logistic likelihood: " + eval.out());
        // pathway-whitened is fitted on the model's own training sneakers, read again from DATA.
        for (String score : new String[]{"elbo", "iwae", "reconstruction", "pathway", "pathway-whitened"}) {
            double auroc = Double.parseDouble(eval.out().replaceAll("(?s).*\\n" + score + "\\s+([0-9.]+) .*", "$1"));
            assertTrue(auroc > 0.5 && auroc <= 1, score + " AUROC " + auroc + "\n" + eval.out());
        }
        double elboAuroc = Double.parseDouble(eval.out().replaceAll("(?s).*\\nelbo\\s+([0-9.]+) .*", "$1"));
        assertTrue(elboAuroc > 0.8, "sneakers against the other nine classes: " + eval.out());

        Path csv = temp.resolve("scores.csv");
        Result flagged = regen("anomaly", model, "--data", DATA, "--limit", "100", "--score", "elbo", "--normal",
                DATA, "--fpr", "0.1", "--out", csv.toString());
        assertEquals(0, flagged.code(), flagged.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("index,label,score,flagged", rows.get(0));
        assertEquals(101, rows.size());
        long sneakersFlagged = rows.stream().skip(1).map(r -> r.split(",")).filter(r -> r[1].equals("7"))
                .filter(r -> r[3].equals("1")).count();
        long othersFlagged = rows.stream().skip(1).map(r -> r.split(",")).filter(r -> !r[1].equals("7"))
                .filter(r -> r[3].equals("1")).count();
        assertTrue(othersFlagged > 5 * Math.max(1, sneakersFlagged), flagged.out());

        assertBadInput("label 10 is out of range", "eval-anomaly", model, "--data", DATA, "--normal-labels", "10");
        Result psnr = regen("anomaly", model, "--data", DATA, "--score", "psnr", "--out",
                temp.resolve("never.csv").toString());
        assertEquals(ExitCodes.USAGE, psnr.code());
        assertTrue(psnr.err().contains("anomaly score must be one of elbo|iwae|reconstruction|pathway|pathway-whitened|complexity"), psnr.err());
        assertBadInput("needs a model trained with --likelihood logistic", "eval-anomaly", model, "--data", DATA,
                "--normal-labels", "7", "--score", "complexity");
        assertBadInput("no such file or folder", "eval-anomaly", model, "--data", DATA, "--normal-labels", "7",
                "--score", "pathway-whitened", "--fit", temp.resolve("nowhere").toString());
        assertEquals(ExitCodes.USAGE, regen("eval-anomaly", model, "--data", DATA, "--normal-labels", "7",
                "--anomalous", DATA).code());
        assertFalse(Files.exists(temp.resolve("never.csv")));
    }

    @Test
    void badInputIsOneClearLineAndANonZeroExit() throws Exception {
        Result missing = regen("train", "--data", temp.resolve("nothing").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
        assertEquals("error: no such file or folder: " + temp.resolve("nothing"), missing.err().strip());

        assertBadInput("latent must be between 1 and 4096, got 0", "train", "--data", DATA, "--latent", "0", "--out",
                temp.resolve("x").toString());

        // A GPU this CPU build cannot use, before or after the command's name; the next command is on the CPU again.
        String model = run.resolve("model.regen").toString();
        assertBadInput("--device cuda: this build of Regen is CPU-only", "sample", model, "--device", "cuda", "--out",
                temp.resolve("never.png").toString());
        assertBadInput("--device cuda:1: this build of Regen is CPU-only", "--device", "cuda:1", "train", "--data",
                DATA, "--epochs", "1", "--out", temp.resolve("never").toString());
        assertFalse(Files.exists(temp.resolve("never.png")) || Files.exists(temp.resolve("never")));
        assertEquals(0, regen("sample", model, "--out", temp.resolve("on-cpu.png").toString()).code());

        String emoji = Path.of("..", "data", "emoji", "google").toString();
        assertBadInput("holds 3x64x64 images and the model scores 1x28x28 ones", "eval-anomaly",
                run.resolve("model.regen").toString(), "--data", emoji, "--normal-labels", "1");
        assertBadInput("holds 3x64x64 images and the model scores 1x28x28 ones", "anomaly",
                run.resolve("model.regen").toString(), "--data", emoji, "--out", temp.resolve("never.csv").toString());
        assertFalse(Files.exists(temp.resolve("never.csv")));

        Result kind = regen("train", "--data", DATA, "--model", "transformer");
        assertEquals(ExitCodes.USAGE, kind.code());
        assertTrue(kind.err().contains("model must be one of conv-vae|mlp-vae"), kind.err());
        Result precision = regen("train", "--data", DATA, "--precision", "fp16");
        assertEquals(ExitCodes.USAGE, precision.code());
        assertTrue(precision.err().contains("precision must be one of fp32|bf16, got 'fp16'"), precision.err());

        Path text = temp.resolve("notes.regen");
        Files.writeString(text, "not a model");
        assertBadInput("not a Regen model file", "sample", text.toString());

        Path gan = temp.resolve("gan.regen");
        ModelFile.write(gan, new Manifest(ModelFile.FORMAT, ModelFile.FORMAT_VERSION, "gan", ModelConfig.convVae(new ImageShape(1, 28, 28)),
                TrainConfig.defaults(), DataConfig.of("x"), TrainingState.start(),
                new Provenance("x", "x", "0", "e", "17", "now")), Map.of());
        assertBadInput("holds a 'gan' model", "sample", gan.toString());

        assertBadInput("--size must be", "train", "--data", DATA, "--size", "0x5");

        assertBadInput("dcgan is not a VAE", "train", "--data", DATA, "--model", "dcgan", "--objective", "iwae");
        assertBadInput("takes no beta", "train", "--data", DATA, "--objective", "iwae", "--beta", "4");
        assertBadInput("--k must be between 2 and 5000, got 1", "train", "--data", DATA, "--objective", "iwae",
                "--k", "1");

        assertBadInput("belongs to a VAE, not to dcgan", "train", "--data", DATA, "--model", "dcgan",
                "--prior-components", "10");
        assertBadInput("cannot be used with a learned prior", "train", "--data", DATA, "--prior-components", "10",
                "--free-bits", "0.5");

        assertBadInput("already holds a run", "train", "--data", DATA, "--epochs", "1", "--out", run.toString());
    }

    @Test
    void aDenoisingVaeTrainsOnNoisyInputsAndRestoresFilesAndScores() {
        Path denoiser = temp.resolve("denoiser");
        Result trained = regen("train", "--data", DATA, "--task", "denoise", "--test-fraction", "0.2", "--epochs", "1",
                "--latent", "8", "--out", denoiser.toString());
        assertEquals(0, trained.code(), trained.err());
        String model = denoiser.resolve("model.regen").toString();
        Path damaged = noisyImages("noisy", 3);
        Result restored = regen("restore", model, "--input", damaged.toString(), "--task", "denoise", "--sigma", "0.3",
                "--method", "projection", "--out", temp.resolve("clean").toString());
        assertEquals(0, restored.code(), restored.err());
        assertTrue(Files.isRegularFile(temp.resolve("clean").resolve("00002.png")));
        Path large = temp.resolve("large").resolve("big.png");
        dev.regen.io.ImageWriter.writePng(new float[56 * 56], new ImageShape(1, 56, 56), large);
        Result resized = regen("restore", model, "--input", large.toString(), "--task", "denoise", "--method",
                "projection", "--out", temp.resolve("large-out").toString());
        assertEquals(0, resized.code(), resized.err());
        assertTrue(resized.out().contains("big: 56x56 resized to 28x28 for the model, and the result back"),
                resized.out());
        assertEquals(new ImageShape(1, 56, 56),
                dev.regen.data.ImageDecoder.read(temp.resolve("large-out").resolve("big.png")).shape());
        Result scored = regen("eval-restore", model, "--data", DATA, "--corruption", "noise:0.3", "--n", "20",
                "--methods", "projection", "--out", temp.resolve("side.png").toString());
        assertEquals(0, scored.code(), scored.err());
        assertTrue(scored.out().contains("non-local means"), scored.out());
        assertTrue(scored.out().contains("best model method projection"), scored.out());
        assertTrue(Files.isRegularFile(temp.resolve("side.png")));
    }

    @Test
    void aPix2pixTrainedForATaskRestoresByDefaultWithItsNetworkAndOnlyTheDamageItLearned() throws Exception {
        Path run = temp.resolve("pix2pix-denoiser");
        Result trained = regen("train", "--data", DATA, "--model", "pix2pix", "--task", "denoise", "--corruption",
                "noise:0.2", "--width", "8", "--batch", "16", "--test-fraction", "0.2", "--epochs", "1", "--out",
                run.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("rows: damaged test images, their restorations, the originals"),
                trained.out());
        String model = run.resolve("model.regen").toString();
        Result restored = regen("restore", model, "--input", noisyImages("noisy-for-network", 2).toString(), "--task",
                "denoise", "--sigma", "0.2", "--out", temp.resolve("network-out").toString());
        assertEquals(0, restored.code(), restored.err());
        assertTrue(restored.out().contains("restored 2 image(s) by network"), restored.out());
        Result scored = regen("eval-restore", model, "--data", DATA, "--corruption", "noise:0.2", "--n", "10",
                "--out", temp.resolve("network-side.png").toString());
        assertEquals(0, scored.code(), scored.err());
        assertTrue(scored.out().contains("best model method network"), scored.out());

        assertBadInput("was trained to denoise (noise:0.2), not to undo box:14", "eval-restore", model, "--data", DATA,
                "--corruption", "box:14", "--n", "5");
        assertBadInput("a pix2pix restores by network, not by optimisation", "restore", model, "--input",
                noisyImages("noisy-for-search", 1).toString(), "--task", "denoise", "--method", "optimisation",
                "--out", temp.resolve("never").toString());
        Path emoji = Path.of("..", "data", "emoji");
        assertBadInput("train pix2pix for it, not cyclegan", "train", "--data", emoji.resolve("google").toString(),
                "--target", emoji.resolve("twitter").toString(), "--model", "cyclegan", "--task", "denoise");
        assertBadInput("it takes no --target", "train", "--data", emoji.resolve("google").toString(), "--target",
                emoji.resolve("twitter").toString(), "--model", "pix2pix", "--task", "denoise");
    }

    @Test
    void restorationRefusesBadInputWithoutWritingAnything() throws Exception {
        String model = run.resolve("model.regen").toString();
        Path holes = temp.resolve("holes");
        assertEquals(0, regen("corrupt", "--input", DATA, "--corruption", "box:10", "--n", "1", "--out",
                holes.toString()).code());
        Path image = holes.resolve("00000.png");
        Path out = temp.resolve("refused");

        Path small = temp.resolve("small-mask.png");
        dev.regen.io.ImageWriter.writePng(new float[16], new ImageShape(1, 4, 4), small);
        assertBadInput("is 4x4 but the image is 28x28", "restore", model, "--input", image.toString(), "--task",
                "inpaint", "--mask", small.toString(), "--out", out.toString());

        assertBadInput("not black and white", "restore", model, "--input", image.toString(), "--task", "inpaint",
                "--mask", image.toString(), "--out", out.toString());

        Path broken = temp.resolve("broken.png");
        Files.write(broken, new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        assertBadInput("cannot decode image", "restore", model, "--input", broken.toString(), "--task", "denoise",
                "--out", out.toString());

        Path colour = temp.resolve("colour.png");
        dev.regen.io.ImageWriter.writePng(new float[3 * 28 * 28], new ImageShape(3, 28, 28), colour);
        assertBadInput("has 3 channels but the model restores 1-channel images", "restore", model, "--input",
                colour.toString(), "--task", "denoise", "--out", out.toString());
        assertFalse(Files.exists(out), "nothing written");

        assertBadInput("dcgan is neither", "train", "--data", DATA, "--model", "dcgan", "--task", "denoise");
        assertBadInput("is not damage that the task inpaint undoes", "train", "--data", DATA, "--task", "inpaint",
                "--corruption", "noise:0.1");
        Result pink = regen("train", "--data", DATA, "--background", "pink");
        assertEquals(ExitCodes.USAGE, pink.code());
        assertTrue(pink.err().contains("background must be white, black or a colour #rrggbb"), pink.err());
        Result spec = regen("eval-restore", model, "--data", DATA, "--corruption", "fog:2");
        assertEquals(ExitCodes.USAGE, spec.code());
        assertTrue(spec.err().contains("unknown corruption 'fog:2'"), spec.err());
    }
}
