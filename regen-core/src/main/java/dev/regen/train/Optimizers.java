package dev.regen.train;

import dev.regen.io.ModelFile;
import dev.regen.nn.StateBytes;
import dev.regen.nn.Torch;
import dev.regen.nn.WeightAverage;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.TensorVector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's optimizers by the model-file entry their state is saved under, so that checkpointing
 * and restoring them is the same code for every task; beside them any other state a task's steps
 * keep in the buffers of a module of their own (CycleGAN's pools of past fakes, the moving average of
 * the generators' weights).
 */
public final class Optimizers {
    /** Model-file entry of the moving average of a generator's weights. */
    static final String GENERATOR_AVERAGE = "generator-average.pt";

    private final Map<String, Scheduled> byEntry = new LinkedHashMap<>();
    private final Map<String, Module> stateByEntry = new LinkedHashMap<>();
    private WeightAverage generatorAverage;

    /** An optimizer and the learning rate of each of its parameter groups as built, which schedules scale. */
    private record Scheduled(Optimizer optimizer, double[] fullRates) {
    }

    /** Adds {@code optimizer}, saved as {@code entry}; returns it. */
    <O extends Optimizer> O add(String entry, O optimizer) {
        double[] rates = new double[(int) optimizer.param_groups().size()];
        for (int g = 0; g < rates.length; g++) {
            rates[g] = optimizer.param_groups().get(g).options().get_lr();
        }
        byEntry.put(entry, new Scheduled(optimizer, rates));
        return optimizer;
    }

    /** Adds training state kept in {@code module}'s buffers, saved as {@code entry}; returns it. */
    <M extends Module> M addState(String entry, M module) {
        Torch.place(module);
        stateByEntry.put(entry, module);
        return module;
    }

    /**
     * Keeps a moving average of the generators' {@code weights} with {@code decay}, saved as its own
     * entry; with {@code decay} 0 none (the run averages nothing, and its files hold no such entry),
     * and the other generator-average methods do nothing.
     */
    void averageGenerators(TensorVector weights, double decay) {
        generatorAverage = decay > 0 ? addState(GENERATOR_AVERAGE, new WeightAverage(weights, decay)) : null;
    }

    /** Moves the generators' average, if any, towards their weights after optimisation step {@code step}. */
    void updateGeneratorAverage(long step) {
        if (generatorAverage != null) {
            generatorAverage.update(step);
        }
    }

    /** The averaged generators in the trained ones' place until closed; null without an average. */
    WeightAverage.Swap averagedGenerators() {
        return generatorAverage == null ? null : generatorAverage.swapIn();
    }

    /** Gives the generators their averaged weights for good, if the run keeps an average. */
    void installGeneratorAverage() {
        if (generatorAverage != null) {
            generatorAverage.install();
        }
    }

    /** Sets every parameter group's learning rate to {@code factor} times the one it was built with. */
    void scaleLearningRates(double factor) {
        for (Scheduled s : byEntry.values()) {
            for (int g = 0; g < s.fullRates().length; g++) {
                s.optimizer().param_groups().get(g).options().set_lr(s.fullRates()[g] * factor);
            }
        }
    }

    /** Every optimizer's state, and the other state, by entry name, each saved when its entry is written. */
    public Map<String, ModelFile.EntryContent> states() {
        Map<String, ModelFile.EntryContent> states = new LinkedHashMap<>();
        byEntry.forEach((entry, s) -> states.put(entry, StateBytes.save(s.optimizer())));
        stateByEntry.forEach((entry, module) -> states.put(entry, StateBytes.save(module)));
        return states;
    }

    /** Restores every optimizer and the other state from a checkpoint. */
    public void restore(ModelFile checkpoint) {
        byEntry.forEach((entry, s) -> StateBytes.load(s.optimizer(), RunReport.entry(checkpoint, entry)));
        stateByEntry.forEach((entry, module) -> StateBytes.load(module, RunReport.entry(checkpoint, entry)));
    }
}
