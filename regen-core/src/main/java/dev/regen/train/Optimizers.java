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
    private final Map<String, Scheduled> byEntry = new LinkedHashMap<>();

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

    /** Sets every parameter group's learning rate to {@code factor} times the one it was built with. */
    void scaleLearningRates(double factor) {
        for (Scheduled s : byEntry.values()) {
            for (int g = 0; g < s.fullRates().length; g++) {
                s.optimizer().param_groups().get(g).options().set_lr(s.fullRates()[g] * factor);
            }
        }
    }

    /** Every optimizer's state by entry name. */
    public Map<String, byte[]> states() {
        Map<String, byte[]> states = new LinkedHashMap<>();
        byEntry.forEach((entry, s) -> states.put(entry, StateBytes.save(s.optimizer())));
        return states;
    }

    /** Restores every optimizer from a checkpoint. */
    public void restore(ModelFile checkpoint) {
        byEntry.forEach((entry, s) -> StateBytes.load(s.optimizer(), RunReport.entry(checkpoint, entry)));
    }
}
