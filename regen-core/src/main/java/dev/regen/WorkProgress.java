package dev.regen;

/**
 * What long jobs (restoration, importance sampling) tell a progress display: units of work done
 * out of a known total.
 */
@FunctionalInterface
public interface WorkProgress {
    /** Called after each unit, or batch of units, of work. */
    void progress(long done, long total);
}
