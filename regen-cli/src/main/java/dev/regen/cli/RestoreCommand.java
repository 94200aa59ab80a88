package dev.regen.cli;

import dev.regen.data.damage.Corruption;
import dev.regen.data.damage.Task;
import dev.regen.io.ImageGrid;
import dev.regen.io.ImageWriter;
import dev.regen.model.SavedModel;
import dev.regen.restore.ImageRestorer;
import dev.regen.restore.Method;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code regen restore}: denoise, inpaint, super-resolve or deblur image files with a trained model. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore damaged images with a trained VAE or GAN, or a pix2pix trained for the task. Images of "
                + "another size than the model's are resized to it and back.")
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--input", required = true, paramLabel = "FILE|DIR", description = "damaged image, or a folder of them")
    Path input;

    @Option(names = "--task", required = true, converter = Converters.TaskName.class,
            description = "denoise, inpaint, superres or deblur")
    Task task;

    @Option(names = "--sigma", defaultValue = "0.1",
            description = "noise (denoise) or blur (deblur) standard deviation (default: ${DEFAULT-VALUE})")
    double sigma;

    @Option(names = "--mask", paramLabel = "PNG", description = "inpaint: white where pixels are missing, image-sized")
    Path mask;

    @Option(names = "--factor", defaultValue = "2", description = "superres: enlargement factor (default: ${DEFAULT-VALUE})")
    int factor;

    @Option(names = "--method", converter = Converters.MethodName.class,
            description = "projection (VAE), optimisation or posterior (VAE, GAN), network (a pix2pix trained for the "
                    + "task) (default: network for a pix2pix, else optimisation)")
    Method method;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the restored PNGs")
    Path out;

    @Mixin
    RestoreOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Corruption damage = task.observedDamage(sigma, mask, factor);
        SavedModel saved = model.loadSaved();
        Method chosen = Method.choose(saved, damage, method);
        List<ImageFiles.Input> files = ImageFiles.read(input, model.background());
        ImageRestorer restorer = new ImageRestorer(saved.model(), damage, chosen, options.settings(saved));
        List<ImageRestorer.Input> inputs = files.stream().map(f -> new ImageRestorer.Input(f.name(),
                f.image().pixels(), f.image().shape())).toList();
        List<ImageRestorer.Output> outputs = restorer.restore(inputs, options.seed,
                Progress.live(spec, "restoring", "steps"));
        Progress.clear(spec);
        PrintWriter log = spec.commandLine().getOut();
        for (ImageRestorer.Output restored : outputs) {
            if (restored.resizedFrom() != null) {
                log.println(restored.name() + ": " + restored.resizedFrom().height() + "x" + restored.resizedFrom().width()
                        + " resized to " + restored.resizedTo().height() + "x" + restored.resizedTo().width()
                        + " for the model, and the result back");
            }
            ImageWriter.writePng(restored.restored(), restored.shape(), out.resolve(restored.name() + ".png"));
            int k = restored.samplesPerImage();
            if (k > 0) {
                ImageGrid.write(restored.samples(), k, saved.model().config().shape(), k,
                        out.resolve(restored.name() + "-samples.png"));
            }
        }
        int k = outputs.get(0).samplesPerImage();
        log.println("restored " + outputs.size() + " image(s) by " + chosen.id() + " (" + damage + ") into " + out
                + (k > 0 ? ", with " + k + " posterior samples each" : ""));
        log.flush();
        return ExitCodes.OK;
    }
}
