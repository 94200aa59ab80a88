package dev.regen.cli;

import dev.regen.RegenException;
import dev.regen.config.ImageShape;
import dev.regen.data.PixelOps;
import dev.regen.io.ImageGrid;
import dev.regen.io.ImageWriter;
import dev.regen.model.Generative;
import dev.regen.model.SavedModel;
import dev.regen.restore.Blur;
import dev.regen.restore.Corruption;
import dev.regen.restore.Damaged;
import dev.regen.restore.Downsampling;
import dev.regen.restore.GaussianNoise;
import dev.regen.restore.Mask;
import dev.regen.restore.Masking;
import dev.regen.restore.Method;
import dev.regen.restore.Restoration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code regen restore}: denoise, inpaint, super-resolve or deblur image files with a trained model. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore damaged images with a trained VAE or GAN. Images of another size than the model's are "
                + "resized to it and back.")
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--input", required = true, paramLabel = "FILE|DIR", description = "damaged image, or a folder of them")
    Path input;

    @Option(names = "--task", required = true, description = "denoise, inpaint, superres or deblur")
    String task;

    @Option(names = "--sigma", defaultValue = "0.1",
            description = "noise (denoise) or blur (deblur) standard deviation (default: ${DEFAULT-VALUE})")
    double sigma;

    @Option(names = "--mask", paramLabel = "PNG", description = "inpaint: white where pixels are missing, image-sized")
    Path mask;

    @Option(names = "--factor", defaultValue = "2", description = "superres: enlargement factor (default: ${DEFAULT-VALUE})")
    int factor;

    @Option(names = "--method", defaultValue = "optimisation", converter = Converters.MethodName.class,
            description = "projection (VAE), optimisation or posterior (default: ${DEFAULT-VALUE})")
    Method method;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the restored PNGs")
    Path out;

    @Mixin
    RestoreOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Corruption damage = damage();
        List<ImageFiles.Input> inputs = ImageFiles.read(input);
        SavedModel saved = model.loadSaved();
        Generative generative = saved.generative();
        ImageShape modelShape = generative.config().shape();
        ImageShape observed = damage.damagedShape(modelShape);
        PrintWriter log = spec.commandLine().getOut();
        List<Damaged> damaged = new ArrayList<>();
        for (ImageFiles.Input in : inputs) {
            ImageShape shape = in.image().shape();
            if (shape.channels() != modelShape.channels()) {
                throw new RegenException(in.name() + " has " + shape.channels() + " channels but the model restores "
                        + modelShape.channels() + "-channel images");
            }
            float[] known = damage instanceof Masking m ? maskAtModelSize(m, shape, modelShape) : null;
            if (!shape.equals(observed)) {
                log.println(in.name() + ": " + shape.height() + "x" + shape.width() + " resized to "
                        + observed.height() + "x" + observed.width() + " for the model, and the result back");
            }
            damaged.add(new Damaged(PixelOps.convert(in.image().pixels(), shape, observed), observed, known));
        }
        Restoration restoration = new Restoration(generative, damage, method, options.settings(saved));
        Restoration.Result result = restoration.run(damaged, options.seed, Progress.live(spec, "restoring", "steps"));
        Progress.clear(spec);
        for (int i = 0; i < inputs.size(); i++) {
            ImageShape shape = inputs.get(i).image().shape();
            ImageShape target = damage instanceof Downsampling d
                    ? new ImageShape(shape.channels(), shape.height() * d.factor(), shape.width() * d.factor()) : shape;
            float[] restored = java.util.Arrays.copyOfRange(result.restored(), i * modelShape.size(),
                    (i + 1) * modelShape.size());
            ImageWriter.writePng(PixelOps.convert(restored, modelShape, target), target,
                    out.resolve(inputs.get(i).name() + ".png"));
            if (result.samplesPerImage() > 0) {
                int k = result.samplesPerImage();
                float[] samples = java.util.Arrays.copyOfRange(result.samples(), i * k * modelShape.size(),
                        (i + 1) * k * modelShape.size());
                ImageGrid.write(samples, k, modelShape, k, out.resolve(inputs.get(i).name() + "-samples.png"));
            }
        }
        log.println("restored " + inputs.size() + " image(s) by " + method.cliName() + " (" + damage + ") into " + out
                + (result.samplesPerImage() > 0 ? ", with " + result.samplesPerImage() + " posterior samples each" : ""));
        log.flush();
        return ExitCodes.OK;
    }

    /** The damage the task undoes, as the corruption that restoration inverts. */
    private Corruption damage() {
        return switch (task) {
            case "denoise" -> new GaussianNoise(positive("--sigma", sigma));
            case "deblur" -> new Blur(positive("--sigma", sigma));
            case "superres" -> new Downsampling(factor);
            case "inpaint" -> {
                if (mask == null) {
                    throw new RegenException("--task inpaint needs --mask PNG (white where pixels are missing)");
                }
                yield new Masking(Mask.FromImage.read(mask));
            }
            default -> throw new RegenException("--task must be one of denoise|inpaint|superres|deblur, got '" + task + "'");
        };
    }

    private static double positive(String option, double value) {
        dev.regen.config.Check.range(option, value, 1e-3, 10);
        return value;
    }

    /** The image's mask, checked against the image's size, then resized (nearest) to the model's. */
    private static float[] maskAtModelSize(Masking masking, ImageShape image, ImageShape model) {
        float[] known = masking.mask().known(image.height(), image.width(), 0L);
        ImageShape plane = new ImageShape(1, image.height(), image.width());
        float[] resized = PixelOps.convert(known, plane, new ImageShape(1, model.height(), model.width()));
        for (int i = 0; i < resized.length; i++) {
            resized[i] = resized[i] >= 0.5f ? 1f : 0f;   // a pixel is known only where most of it was
        }
        return resized;
    }
}
