package dev.regen.data;

import dev.regen.nn.Tensors;

/** A test fixture that breaks the layering on purpose: data using the engine's helpers. */
public final class WrongWay {
    private WrongWay() {
    }

    static Object engine() {
        return Tensors.class;
    }
}
