package dev.regen.data.damage;

import dev.regen.RegenException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Reads corruptions from their written form, {@code kind:parameters}; each kind parses its own parameters. */
public final class Corruptions {
    /** The forms {@link #parse} accepts, for help texts and error messages. */
    public static final String FORMS = "noise:SIGMA, salt-pepper:RATE, box:SIZE, boxes:COUNTxSIZE, "
            + "strokes:COUNTxWIDTH, mask:PNG, down:FACTOR, blur:SIGMA";

    private static final Map<String, Function<Spec, Corruption>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("noise", GaussianNoise::parse);
        KINDS.put("salt-pepper", SaltAndPepper::parse);
        KINDS.put("box", spec -> new Masking(Mask.CentreBox.parse(spec)));
        KINDS.put("boxes", spec -> new Masking(Mask.RandomBoxes.parse(spec)));
        KINDS.put("strokes", spec -> new Masking(Mask.Strokes.parse(spec)));
        KINDS.put("mask", spec -> new Masking(Mask.FromImage.parse(spec)));
        KINDS.put("down", Downsampling::parse);
        KINDS.put("blur", Blur::parse);
    }

    private Corruptions() {
    }

    /** Parses one corruption, e.g. {@code noise:0.3}, {@code box:14} or {@code down:2}; a mask image is read now. */
    public static Corruption parse(String spec) {
        return parse(spec, false);
    }

    /**
     * Parses a corruption written in a model file: a mask image it names is read only when the
     * damage is used (training on), so the model loads, samples and restores wherever it is.
     */
    public static Corruption parseStored(String spec) {
        return parse(spec, true);
    }

    private static Corruption parse(String spec, boolean stored) {
        int colon = spec.indexOf(':');
        Function<Spec, Corruption> kind = colon < 0 ? null : KINDS.get(spec.substring(0, colon));
        if (kind == null) {
            throw new RegenException("unknown corruption '" + spec + "': use one of " + FORMS);
        }
        return kind.apply(new Spec(spec, spec.substring(colon + 1), stored));
    }
}
