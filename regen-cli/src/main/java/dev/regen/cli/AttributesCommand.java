package dev.regen.cli;

import dev.regen.config.Check;
import dev.regen.data.ImageDataset;
import dev.regen.edit.AttributeFinder;
import dev.regen.edit.Attributes;
import dev.regen.edit.Direction;
import dev.regen.edit.LatentEdit;
import dev.regen.model.Generative;
import dev.regen.sample.Embedder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code regen attributes}: latent directions for {@code regen edit}, found in the codes of images. */
@Command(name = "attributes", mixinStandardHelpOptions = true,
        description = "Find latent directions of an unconditional model in the codes of the images at --data (their "
                + "training set; a GAN's codes by inverting its generator): for labelled images, each class (from the others' mean code to the class's) and "
                + "each pair of classes (A-to-B); for any images, the principal directions pc1, pc2, ... Written "
                + "beside the model (MODEL.attributes.json) unless --out says where.")
final class AttributesCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "images to find directions in (sub-folders or label files give the classes)")
    Path data;

    @Option(names = "--components", defaultValue = "10", paramLabel = "K",
            description = "principal directions to keep (default: ${DEFAULT-VALUE})")
    int components;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "use only the first N images")
    int limit;

    @Option(names = "--out", paramLabel = "FILE", description = "where the directions are written "
            + "(default: MODEL.attributes.json beside the model)")
    Path out;

    @Mixin
    InversionOptions inversion;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Check.range("--components", components, 0, 4096);
        Generative generative = model.load();
        LatentEdit.requireUnconditional(generative);
        ImageDataset images = ModelOption.first(model.images(data, generative, false), limit);
        int latent = generative.config().latent();
        float[] codes = Embedder.codes(generative, images, inversion.inversion(),
                Progress.live(spec, "encoding", "images"));
        Progress.clear(spec);
        List<Direction> directions = new ArrayList<>();
        if (images.classes() > 1) {
            directions.addAll(AttributeFinder.ofClasses(codes, latent, images.labels(), images.classNames()));
        }
        directions.addAll(AttributeFinder.principal(codes, latent, components));
        Path file = out != null ? out : Attributes.beside(model.path);
        new Attributes(latent, images.source(), directions).write(file);
        PrintWriter print = spec.commandLine().getOut();
        print.printf(Locale.ROOT, "%d directions from the codes of %d images -> %s%n", directions.size(),
                images.size(), file);
        for (Direction d : directions.subList(0, Math.min(directions.size(), 12))) {
            print.printf(Locale.ROOT, "  %-24s length %.3f: %s%n", d.name(), d.scale(), d.meaning());
        }
        if (directions.size() > 12) {
            print.printf(Locale.ROOT, "  ... and %d more (regen edit names them when asked for one it lacks)%n",
                    directions.size() - 12);
        }
        print.flush();
        return ExitCodes.OK;
    }
}
