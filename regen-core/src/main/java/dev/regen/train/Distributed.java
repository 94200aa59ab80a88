package dev.regen.train;

import dev.regen.RegenException;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.chrono.Milliseconds;
import org.bytedeco.pytorch.GlooDeviceVector;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.OptimizerParamGroupVector;
import org.bytedeco.pytorch.ProcessGroupGloo;
import org.bytedeco.pytorch.TCPStore;
import org.bytedeco.pytorch.TCPStoreOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;

/**
 * Data-parallel training over libtorch's c10d process groups: this process's place among
 * {@code world} processes that meet at a master's TCP store and average their gradients by
 * Gloo allreduce. The presets expose the process group but no DistributedDataParallel, so the
 * averaging is here: after each backward pass the gradients are weighted by this process's share
 * of the global batch, concatenated into buckets and summed across processes, bucket by bucket.
 * One per process, like the engine itself.
 */
public final class Distributed {
    /** Gradient values per allreduce: large enough to amortise each call, small enough to bound the copy. */
    static final long BUCKET = 4L << 20;
    private static volatile Distributed current;

    private final int rank;
    private final int world;
    private final ProcessGroupGloo group;
    private long exchanges;
    private long exchangeNanos;

    private Distributed(int rank, int world, ProcessGroupGloo group) {
        this.rank = rank;
        this.world = world;
        this.group = group;
    }

    /**
     * Joins {@code world} processes as {@code rank}: rank 0 serves the store at
     * {@code host}:{@code port}, the others connect to it; waits at most {@code timeoutSeconds} for
     * all of them, and as long for every collective after.
     *
     * @throws RegenException when the master cannot be reached in time, naming it
     */
    public static Distributed join(int rank, int world, String host, int port, int timeoutSeconds) {
        if (world < 2 || rank < 0 || rank >= world) {
            throw new RegenException("rank " + rank + " is not one of the " + world + " ranks 0.." + (world - 1));
        }
        if (!Torch.requestedDevice().equals("cpu")) {
            // The gradients travel through gloo on the CPU; ranks on GPUs want NCCL, which the presets lack.
            throw new RegenException("data-parallel training runs on the CPU: --device " + Torch.requestedDevice()
                    + " cannot be combined with --world-size or --processes");
        }
        try {
            TCPStoreOptions options = new TCPStoreOptions();
            options.port((short) port);
            options.isServer(rank == 0);
            options.waitWorkers(false);
            options.useLibUV(false);
            options.timeout(new Milliseconds(timeoutSeconds * 1000L));
            TCPStore store = new TCPStore(host, options);
            ProcessGroupGloo.Options glooOptions = ProcessGroupGloo.Options.create(
                    new Milliseconds(timeoutSeconds * 1000L));
            GlooDeviceVector devices = new GlooDeviceVector();
            // Gloo binds to a local address: the one this machine reaches the master from.
            devices.push_back(ProcessGroupGloo.createDeviceForHostname(localAddressTowards(host, port)));
            glooOptions.devices(devices);
            Distributed joined = new Distributed(rank, world, new ProcessGroupGloo(store, rank, world, glooOptions));
            current = joined;
            return joined;
        } catch (RuntimeException e) {
            throw new RegenException("rank " + rank + " could not join the " + world + " ranks at " + host + ":" + port
                    + " within " + timeoutSeconds + " s: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Fails on every rank unless all were given the same {@code settings}: two 20-bit digests of
     * them, summed and summed squared across the ranks, are all equal exactly when sum^2 = world x
     * (sum of squares).
     *
     * @return this
     * @throws RegenException when the ranks disagree
     */
    public Distributed requireSame(String settings) {
        int hash = settings.hashCode();
        double[] digests = {hash & 0xFFFFF, (hash >>> 12) & 0xFFFFF};
        double[] values = {digests[0], digests[1], digests[0] * digests[0], digests[1] * digests[1]};
        double[] sums = sum(values);
        for (int d = 0; d < 2; d++) {
            if (sums[d] * sums[d] != world * sums[d + 2]) {
                throw new RegenException("the " + world + " ranks were started with different settings: start every "
                        + "rank with the same command but --rank");
            }
        }
        return this;
    }

    /** The local address a connection to {@code host} leaves from (no packet is sent). */
    private static String localAddressTowards(String host, int port) {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket()) {
            probe.connect(java.net.InetAddress.getByName(host), port);
            return probe.getLocalAddress().getHostAddress();
        } catch (java.io.IOException e) {
            throw new RegenException("cannot reach the master " + host + ": " + e.getMessage(), e);
        }
    }

    /** The process group this process joined, or null when it trains alone. */
    public static Distributed current() {
        return current;
    }

    /** Leaves the process group: this process trains alone again. */
    public static void leave() {
        current = null;
    }

    /** Whether this process writes the run folder: the only one, or rank 0. */
    public static boolean leads() {
        return current == null || current.rank == 0;
    }

    public int rank() {
        return rank;
    }

    public int world() {
        return world;
    }

    /** This rank's rows {@code [start, start + count)} of a global batch of {@code total} images, spread evenly. */
    int[] rows(int total) {
        int start = (int) ((long) total * rank / world);
        int end = (int) ((long) total * (rank + 1) / world);
        return new int[]{start, end - start};
    }

    /**
     * Replaces each gradient of {@code parameters} by the global batch's: this rank's times its
     * {@code share} of the batch, summed over the ranks. The first bucket also carries whether this
     * rank's loss was finite, so that a rank whose loss diverged stops every rank at the same step
     * (none left waiting in the next exchange) without an exchange of its own.
     *
     * @return whether every rank's loss was finite
     */
    boolean averageGradients(Optimizer optimizer, double share, boolean finite) {
        float diverged = finite ? 0 : 1;
        List<Tensor> grads = new ArrayList<>();
        // By parameter group: the engine warns on every call of Optimizer.parameters() that it is deprecated.
        OptimizerParamGroupVector groups = optimizer.param_groups();
        for (long g = 0; g < groups.size(); g++) {
            TensorVector parameters = groups.get(g).params();
            for (long i = 0; i < parameters.size(); i++) {
                Tensor grad = parameters.get(i).grad();
                if (grad.defined()) {
                    grads.add(grad);
                }
            }
        }
        if (grads.isEmpty()) {
            return sum(new double[]{diverged})[0] == 0;
        }
        boolean allFinite = true;
        int first = 0;
        while (first < grads.size()) {
            int last = first;
            long values = 0;
            while (last < grads.size() && (last == first || values + grads.get(last).numel() <= BUCKET)) {
                values += grads.get(last).numel();
                last++;
            }
            TensorVector flat = new TensorVector();
            for (int g = first; g < last; g++) {
                flat.push_back(grads.get(g).reshape(-1));
            }
            if (first == 0) {
                flat.push_back(Tensor.create(new float[]{diverged / (float) share}, 1));
            }
            Tensor bucket = torch.cat(flat).mul_(new org.bytedeco.pytorch.Scalar(share));
            allreduce(bucket);
            if (first == 0) {
                allFinite = bucket.get(values).item_float() == 0;
            }
            long offset = 0;
            for (int g = first; g < last; g++) {
                Tensor grad = grads.get(g);
                grad.copy_(bucket.narrow(0, offset, grad.numel()).view(grad.sizes()));
                offset += grad.numel();
            }
            first = last;
        }
        return allFinite;
    }

    /** The global batch's mean of each loss: each rank's mean weighted by its share, summed over the ranks. */
    double[] averageLosses(double[] losses, double share) {
        double[] weighted = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            weighted[i] = losses[i] * share;
        }
        return sum(weighted);
    }

    /** Each value summed over the ranks, in double precision. */
    private double[] sum(double[] values) {
        Tensor sums = Tensor.create(values, values.length);
        allreduce(sums);
        double[] global = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            global[i] = sums.get(i).item_double();
        }
        return global;
    }

    private void allreduce(Tensor values) {
        long start = System.nanoTime();
        try {
            group.allreduce(new TensorVector(values))._wait();
        } catch (RuntimeException e) {
            throw new RegenException("rank " + rank + " lost contact with the other " + (world - 1) + " ranks (one "
                    + "stopped or is unreachable): " + firstLine(e.getMessage()), e);
        }
        exchangeNanos += System.nanoTime() - start;
        exchanges++;
    }

    /** The allreduce calls made so far and the seconds spent in them (waiting for the slowest rank included). */
    public String exchangeTime() {
        return String.format(java.util.Locale.ROOT, "%d allreduce calls, %.3f s in all", exchanges, exchangeNanos / 1e9);
    }

    /** The engine's message up to its first full stop: c10d strings several sentences of detail together. */
    private static String firstLine(String message) {
        String text = String.valueOf(message).strip();
        int end = text.indexOf(". ");
        int line = text.indexOf('\n');
        int cut = end < 0 ? line : line < 0 ? end + 1 : Math.min(end + 1, line);
        return cut < 0 ? text : text.substring(0, cut);
    }
}
