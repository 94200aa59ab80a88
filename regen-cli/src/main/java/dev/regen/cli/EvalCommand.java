package dev.regen.cli;

import dev.regen.config.Check;
import dev.regen.data.ImageDataset;
import dev.regen.eval.metric.Elbo;
import dev.regen.eval.metric.ImportanceSampledNll;
import dev.regen.eval.VaeEvaluator;
import dev.regen.model.Vae;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code regen eval}: likelihood bounds on held-out images. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Report the ELBO and the importance-sampled negative log-likelihood (IWAE bound) on images: "
                + "the test set beside IDX data, or all images at PATH.")
final class EvalCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "held-out images")
    Path data;

    @Option(names = "--samples", defaultValue = "100", paramLabel = "K",
            description = "importance samples per image; 0 for the ELBO only (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "use only the first N images")
    int limit;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the posterior samples (default: ${DEFAULT-VALUE})")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Check.range("--samples", samples, 0, 1_000_000);
        Vae vae = model.loadVae();
        ImageDataset images = model.evaluationImages(data, limit);
        PrintWriter out = spec.commandLine().getOut();
        Elbo elbo = VaeEvaluator.elbo(vae, images, seed);
        out.printf(Locale.ROOT, "images         %d from %s%n", images.size(), images.source());
        out.printf(Locale.ROOT, "-ELBO          %.2f nats (reconstruction %.2f + KL %.2f), %.4f bits/dim%n",
                elbo.negativeElbo(), elbo.reconstruction(), elbo.kl(), elbo.bitsPerDimension());
        if (samples > 0) {
            ImportanceSampledNll nll = VaeEvaluator.importanceSampled(vae, images, samples, seed,
                    Progress.live(spec, "importance sampling", "images"));
            Progress.clear(spec);
            out.printf(Locale.ROOT, "NLL (IWAE)     %.2f nats, %.4f bits/dim, K = %d%n", nll.nll(),
                    nll.bitsPerDimension(), nll.samples());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
