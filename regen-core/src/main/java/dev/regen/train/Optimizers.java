package dev.regen.train;

import dev.regen.io.ModelFile;
import dev.regen.nn.StateBytes;
import org.bytedeco.pytorch.Optimizer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's optimizers by the model-file entry their state is saved under, so that checkpointing
 * and restoring them is the same code for every task.
 */
public final class Optimizers {
    private final Map<String, Optimizer> byEntry = new LinkedHashMap<>();
    /** Each optimizer's learning rate as built, which schedules scale. */
    private final Map<Optimizer, Double> fullRates = new LinkedHashMap<>();

    /** Adds {@code optimizer}, saved as {@code entry}; returns it. */
    <O extends Optimizer> O add(String entry, O optimizer) {
        byEntry.put(entry, optimizer);
        fullRates.put(optimizer, optimizer.param_groups().get(0).options().get_lr());
        return optimizer;
    }

    /** Sets every optimizer's learning rate to {@code factor} times the one it was built with. */
    void scaleLearningRates(double factor) {
        fullRates.forEach((optimizer, rate) -> {
            for (long g = 0; g < optimizer.param_groups().size(); g++) {
                optimizer.param_groups().get(g).options().set_lr(rate * factor);
            }
        });
    }

    /** Every optimizer's state by entry name. */
    public Map<String, byte[]> states() {
        Map<String, byte[]> states = new LinkedHashMap<>();
        byEntry.forEach((entry, optimizer) -> states.put(entry, StateBytes.save(optimizer)));
        return states;
    }

    /** Restores every optimizer from a checkpoint. */
    public void restore(ModelFile checkpoint) {
        byEntry.forEach((entry, optimizer) -> StateBytes.load(optimizer, RunReport.entry(checkpoint, entry)));
    }
}
