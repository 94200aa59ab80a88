package dev.regen.train;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place: epoch, batch, loss, images/s and time left. At most
 * ten redraws a second, so that it costs nothing measurable. When the output is not a terminal it
 * draws no bar and prints only one line per epoch.
 */
public final class ProgressBar implements TrainingListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private long lastDraw;

    /** Reports on {@code out}; {@code terminal} says whether a bar can be redrawn there. */
    public ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onStep(StepProgress p) {
        long now = System.nanoTime();
        if (!terminal || now - lastDraw < REDRAW_NANOS && p.batch() < p.batches()) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) WIDTH * p.batch() / p.batches());
        out.printf("\repoch %d/%d [%s%s] %d/%d  loss %.2f  %.0f img/s  %s left ", p.epoch(), p.epochs(),
                "#".repeat(filled), ".".repeat(WIDTH - filled), p.batch(), p.batches(), p.loss(), p.imagesPerSecond(),
                duration(p.secondsLeft()));
        out.flush();
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        out.print((terminal ? "\r\033[K" : "") + "epoch " + m.epoch() + ": train" + format(m.train())
                + (m.test().isEmpty() ? "" : ", test" + format(m.test()))
                + String.format(java.util.Locale.ROOT, ", %.0f img/s%n", m.imagesPerSecond()));
        out.flush();
    }

    private static String format(java.util.Map<String, Double> metrics) {
        StringBuilder text = new StringBuilder();
        metrics.forEach((name, value) -> text.append(String.format(java.util.Locale.ROOT, " %s %.2f", name, value)));
        return text.toString();
    }

    /** Formats seconds as m:ss or h:mm:ss. */
    public static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
