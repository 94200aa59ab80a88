package dev.regen.train;

import dev.regen.RegenException;
import dev.regen.Version;
import dev.regen.config.DataConfig;
import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.config.Provenance;
import dev.regen.config.TrainConfig;
import dev.regen.data.Binarized;
import dev.regen.data.ImageDataset;
import dev.regen.config.TrainingState;
import dev.regen.data.DataSource;
import dev.regen.data.Split;
import dev.regen.io.Manifest;
import dev.regen.io.ModelFile;
import dev.regen.model.Generative;
import dev.regen.model.ModelFamilies;
import dev.regen.model.Network;
import dev.regen.model.SavedModel;
import dev.regen.nn.Torch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A training run in a folder: trains or resumes any model, checkpoints every epoch, and writes the
 * final model and report.
 */
public final class Run {
    private Run() {
    }

    /**
     * What a finished run produced.
     *
     * @param files   where everything is
     * @param history metrics of every epoch
     * @param summary the text also written to summary.txt
     */
    public record Result(RunFiles files, List<EpochMetrics> history, String summary) {
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
            throw new RegenException(folder + " already holds a run: resume it, or train in another folder");
        }
        if (model.conditional() && data.train().classes() == 0) {
            throw new RegenException((model.kind().family() == ModelKind.Family.CLASSIFIER ? "a classifier"
                    : "conditional training") + " needs labelled data, and " + data.train().source() + " has no labels");
        }
        ModelFamilies.validate(model, training);
        Torch.start(training.threads());
        Torch.seed(training.seed());
        Network network = ModelFamilies.build(model);
        Provenance provenance = new Provenance(data.train().source(), command, Version.REGEN, Version.ENGINE,
                Runtime.version().toString(), Instant.now().toString());
        return run(TrainingSteps.create(network, training), training, dataConfig, data, files, provenance,
                TrainingState.start(), List.of(), progress);
    }

    /**
     * Continues the run in {@code folder} from its last checkpoint, exactly; a run stopped after its
     * last epoch's checkpoint but before its final model and report gets them, and nothing more.
     *
     * @param epochs new total epoch count, or 0 to keep the run's own
     */
    public static Result resume(Path folder, int epochs, TrainingListener progress) {
        RunFiles files = new RunFiles(folder);
        if (!Files.exists(files.checkpoint())) {
            throw new RegenException(folder + " holds no checkpoint (" + files.checkpoint().getFileName() + ")");
        }
        SavedModel saved = SavedModel.load(files.checkpoint());
        Manifest manifest = saved.file().manifest();
        TrainConfig training = epochs > 0 ? manifest.training().toBuilder().epochs(epochs).build()
                : manifest.training();
        int done = manifest.state().epoch();
        if (done >= training.optimisation().epochs()) {
            // The summary is the report's last file, written after the model.
            boolean finalFilesWritten = Files.exists(files.model()) && Files.exists(files.summary());
            if (done < manifest.training().optimisation().epochs() || finalFilesWritten) {
                throw new RegenException(folder + " already finished its " + training.optimisation().epochs()
                        + " epochs; give a larger total of epochs to train on");
            }
            // Trained to its end: with no epoch left, the run only writes its final files.
            training = manifest.training();
        }
        Torch.start(training.threads());
        // At the model's shape: how this build reads the images (a mixed folder in colour, say) must not
        // change what the run trains on.
        Split data = DataSource.prepare(manifest.data().at(manifest.model().shape()), training.seed()).split();
        TrainingTask task = TrainingSteps.create(saved.model(), training);
        task.optimizers().restore(saved.file());
        List<EpochMetrics> history = saved.file().entry(ModelFile.HISTORY).map(ModelFile.Entry::bytes)
                .map(History::fromJsonLines).orElse(List.of());
        return run(task, training, manifest.data(), data, files, manifest.provenance(), manifest.state(), history,
                progress);
    }

    private static Result run(TrainingTask task, TrainConfig training, DataConfig dataConfig, Split data,
                              RunFiles files, Provenance provenance, TrainingState state, List<EpochMetrics> earlier,
                              TrainingListener progress) {
        ImageShape expected = task.dataShape();
        if (!data.train().shape().equals(expected)) {
            throw new RegenException(data.train().source() + " gives " + data.train().shape() + " images and the "
                    + "model trains on " + expected + " ones");
        }
        long start = System.nanoTime();
        History history = new History(earlier, files.metrics());
        List<TrainingListener> listeners = new ArrayList<>();
        // In data-parallel training every rank holds the same weights; rank 0 alone shows and writes the run.
        if (Distributed.leads()) {
            listeners.add(progress);
            listeners.add(history);
            listeners.add(new Checkpointer(task, training, dataConfig, provenance, history, files.checkpoint()));
            if (task.model() instanceof Generative generative) {
                listeners.add(new SampleGrids(generative, training.seed(), files.epochSamples()));
            }
        }
        // With dynamic binarization the training images are drawn afresh in every step; the test
        // images are one fixed draw, so that epochs (and runs) are scored on the same images.
        ImageDataset test = training.binarize() ? new Binarized(data.test(), training.seed()) : data.test();
        TrainingState end = new Trainer(task, training).train(data.train(), test, state,
                TrainingListener.all(listeners));
        if (!Distributed.leads()) {
            return new Result(files, List.of(), "rank " + Distributed.current().rank() + " of "
                    + Distributed.current().world() + " done; rank 0 wrote " + files.folder() + "\n");
        }
        task.optimizers().installGeneratorAverage();
        task.finish(training.seed());
        Manifest manifest = Checkpointer.manifest(task.model().config(), training, dataConfig, end, provenance);
        SavedModel.write(files.model(), task.model(), manifest,
                Map.of(ModelFile.HISTORY, ModelFile.EntryContent.of(History.toJsonLines(history.epochs()))));
        double seconds = (System.nanoTime() - start) / 1e9;
        String summary = task.report(files, data.train(), test, history.epochs(), training.seed(), seconds);
        return new Result(files, history.epochs(), summary);
    }
}
