package dev.regen;

/** Versions recorded in every model file's provenance. */
public final class Version {
    /** This release of Regen. */
    public static final String REGEN = "0.1.0";
    /** The tensor engine Regen runs on. */
    public static final String ENGINE = "libtorch 2.10.0 via JavaCPP 1.5.13";

    private Version() {
    }
}
