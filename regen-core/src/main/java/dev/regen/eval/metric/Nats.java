package dev.regen.eval.metric;

/** Unit conversions for log-likelihoods. */
public final class Nats {
    private Nats() {
    }

    /** Nats to bits: divide by ln 2. */
    public static double toBits(double nats) {
        return nats / Math.log(2);
    }

    /** Nats per image to bits per dimension: divide by the dimension count and by ln 2. */
    public static double toBitsPerDimension(double nats, int dimensions) {
        return nats / (dimensions * Math.log(2));
    }
}
