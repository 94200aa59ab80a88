package dev.regen.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntFunction;

/**
 * Assembles batches in a given order on a background thread, a few batches ahead of the consumer,
 * so that decoding and copying overlap with training.
 *
 * <p>Closing the loader stops the thread; iterate it once.
 */
public final class BatchLoader implements Iterator<Batch>, AutoCloseable {
    private static final int AHEAD = 4;
    private static final Batch END = new Batch(new float[0], new int[0], 0);

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread worker;
    private Object next;
    private long nanosWaited;

    /**
     * Starts loading.
     *
     * @param data      source images
     * @param order     indices into {@code data}, in the order they are wanted
     * @param batchSize images per batch; the last batch may be smaller
     */
    public BatchLoader(ImageDataset data, int[] order, int batchSize) {
        this(data, order, batchSize, count -> new int[]{0, count});
    }

    /**
     * Starts loading only some rows of every batch: a data-parallel rank's share, so that it reads
     * and decodes none of the other ranks' images.
     *
     * @param rows the rows {@code {first, count}} kept of a batch of the given size
     */
    public BatchLoader(ImageDataset data, int[] order, int batchSize, IntFunction<int[]> rows) {
        worker = new Thread(() -> fill(data, order, batchSize, rows), "regen-batch-loader");
        worker.setDaemon(true);
        worker.start();
    }

    private void fill(ImageDataset data, int[] order, int batchSize, IntFunction<int[]> rows) {
        int size = data.shape().size();
        try {
            for (int batchStart = 0; batchStart < order.length; batchStart += batchSize) {
                int[] kept = rows.apply(Math.min(batchSize, order.length - batchStart));
                int start = batchStart + kept[0];
                int count = kept[1];
                float[] pixels = new float[count * size];
                int[] labels = new int[count];
                for (int i = 0; i < count; i++) {
                    data.read(order[start + i], pixels, i * size);
                    labels[i] = data.label(order[start + i]);
                }
                queue.put(new Batch(pixels, labels, count));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                queue.put(e);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            long start = System.nanoTime();
            try {
                next = queue.take();
                nanosWaited += System.nanoTime() - start;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for data", e);
            }
        }
        if (next instanceof RuntimeException failure) {
            throw failure;
        }
        return next != END;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Batch batch = (Batch) next;
        next = null;
        return batch;
    }

    /** Seconds the consumer has spent waiting for batches that were not ready yet. */
    public double secondsWaited() {
        return nanosWaited / 1e9;
    }

    @Override
    public void close() {
        worker.interrupt();
    }
}
