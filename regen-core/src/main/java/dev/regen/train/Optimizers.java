package dev.regen.train;

import dev.regen.io.ModelFile;
import dev.regen.nn.StateBytes;
import dev.regen.nn.Torch;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Optimizer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's optimizers by the model-file entry their state is saved under, so that checkpointing
 * and restoring them is the same code for every task; beside them any other state a task's steps
 * keep in the buffers of a module of their own (CycleGAN's pools of past fakes).
 */
public final class Optimizers {
    private final Map<String, Scheduled> byEntry = new LinkedHashMap<>();
    private final Map<String, Module> stateByEntry = new LinkedHashMap<>();

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
