package dev.regen.train;

import dev.regen.RegenException;
import dev.regen.Version;
import dev.regen.config.DataConfig;
import dev.regen.config.ModelConfig;
import dev.regen.config.Provenance;
import dev.regen.config.TrainConfig;
import dev.regen.config.TrainingState;
import dev.regen.data.DataSource;
import dev.regen.data.Split;
import dev.regen.eval.Elbo;
import dev.regen.eval.VaeEvaluator;
import dev.regen.io.Manifest;
import dev.regen.io.ModelFile;
import dev.regen.model.SavedVae;
import dev.regen.model.Vae;
import dev.regen.nn.Torch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A training run in a folder: trains or resumes a VAE, checkpoints every epoch, and writes the
 * final model and report.
 */
public final class VaeRun {
    private VaeRun() {
    }

    /**
     * What a finished run produced.
     *
     * @param files   where everything is
     * @param history metrics of every epoch
     * @param testElbo final test ELBO
     * @param summary the text also written to summary.txt
     */
    public record Result(RunFiles files, List<EpochMetrics> history, Elbo testElbo, String summary) {
    }

    /**
     * Trains a new model in {@code folder}.
     *
     * @param data     prepared data; its shape must match {@code model}'s
     * @param progress extra listener, such as a progress bar
     */
    public static Result start(ModelConfig model, TrainConfig training, DataConfig dataConfig, Split data, Path folder,
                               String command, TrainingListener progress) {
        RunFiles files = new RunFiles(folder);
        if (Files.exists(files.checkpoint())) {
            throw new RegenException(folder + " already holds a run; use 'regen resume " + folder
                    + "' or another --out");
        }
        Torch.start(training.threads());
        Torch.seed(training.seed());
        Vae vae = new Vae(model);
        Provenance provenance = new Provenance(data.train().source(), command, Version.REGEN, Version.ENGINE,
                Runtime.version().toString(), Instant.now().toString());
        VaeTrainer trainer = new VaeTrainer(vae, training);
        return run(vae, trainer, training, dataConfig, data, files, provenance, TrainingState.start(), List.of(),
                progress);
    }

    /**
     * Continues the run in {@code folder} from its last checkpoint, exactly.
     *
     * @param epochs new total epoch count, or 0 to keep the run's own
     */
    public static Result resume(Path folder, int epochs, TrainingListener progress) {
        RunFiles files = new RunFiles(folder);
        if (!Files.exists(files.checkpoint())) {
            throw new RegenException(folder + " holds no checkpoint (" + files.checkpoint().getFileName() + ")");
        }
        Torch.ensureStarted();
        SavedVae saved = SavedVae.load(files.checkpoint());
        Manifest manifest = saved.file().manifest();
        TrainConfig training = epochs > 0 ? manifest.training().withEpochs(epochs) : manifest.training();
        if (manifest.state().epoch() >= training.epochs()) {
            throw new RegenException(folder + " already finished its " + training.epochs()
                    + " epochs; pass --epochs with a larger total to train on");
        }
        Torch.start(training.threads());
        Split data = DataSource.prepare(manifest.data(), training.seed()).split();
        VaeTrainer trainer = new VaeTrainer(saved.vae(), training);
        trainer.restoreOptimizer(saved.file().entry(ModelFile.OPTIMIZER)
                .orElseThrow(() -> new RegenException(files.checkpoint() + " has no optimizer state")));
        List<EpochMetrics> history = saved.file().entry(ModelFile.HISTORY).map(History::fromJsonLines)
                .orElse(List.of());
        return run(saved.vae(), trainer, training, manifest.data(), data, files, manifest.provenance(),
                manifest.state(), history, progress);
    }

    private static Result run(Vae vae, VaeTrainer trainer, TrainConfig training, DataConfig dataConfig, Split data,
                              RunFiles files, Provenance provenance, TrainingState state, List<EpochMetrics> earlier,
                              TrainingListener progress) {
        long start = System.nanoTime();
        History history = new History(earlier, files.metrics());
        List<TrainingListener> listeners = new ArrayList<>(List.of(progress, history,
                new SampleGrids(vae, training.seed(), files.epochSamples()),
                new Checkpointer(vae, trainer, training, dataConfig, provenance, history, files.checkpoint())));
        TrainingState end = trainer.train(data.train(), data.test(), state, TrainingListener.all(listeners));
        Manifest manifest = Checkpointer.manifest(vae.config(), training, dataConfig, end, provenance);
        SavedVae.toFile(vae, manifest, Map.of(ModelFile.HISTORY, History.toJsonLines(history.epochs())))
                .write(files.model());
        Elbo elbo = VaeEvaluator.elbo(vae, data.test(), training.seed());
        double seconds = (System.nanoTime() - start) / 1e9;
        String summary = RunReport.write(files, vae, data.train(), data.test(), history.epochs(), elbo,
                training.seed(), seconds);
        return new Result(files, history.epochs(), elbo, summary);
    }
}
