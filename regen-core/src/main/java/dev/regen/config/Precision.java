package dev.regen.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The number format of a training step's convolutions and matrix products. */
public enum Precision implements Named {
    /** Everything in 32-bit floats. */
    FP32("fp32"),
    /**
     * libtorch's autocast on the CPU or CUDA: convolutions and matrix products of the forward pass in
     * bfloat16, the rest, the backward pass's accumulation and the weights in fp32 (fast on CPUs with
     * AMX; docs/BENCHMARKS.md, Mixed precision).
     */
    BF16("bf16");

    private final String id;

    Precision(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** Parses a setting name such as {@code bf16}. */
    @JsonCreator
    public static Precision parse(String name) {
        return Named.parse(Precision.class, "precision", name);
    }
}
