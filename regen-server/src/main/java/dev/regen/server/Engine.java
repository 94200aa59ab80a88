package dev.regen.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The engine every request shares. One computation runs at a time: the engine's random generator
 * is global and each request seeds it, and on a small machine the intra-op threads already use
 * every core. At most {@code maxPending} requests wait or run; beyond them a request gets 429 at
 * once instead of queueing without bound, so memory stays bounded under load.
 */
final class Engine {
    private final int maxPending;
    private final Semaphore pending;
    private final ReentrantLock turn = new ReentrantLock(true);

    Engine(int maxPending) {
        this.maxPending = maxPending;
        this.pending = new Semaphore(maxPending);
    }

    /** Requests waiting or running now. */
    int waiting() {
        return maxPending - pending.availablePermits();
    }

    /** Runs {@code work} in its turn. */
    <T> T run(Supplier<T> work) {
        if (!pending.tryAcquire()) {
            throw new StudioError(429, "the studio is busy (" + maxPending + " requests waiting); try again shortly");
        }
        try {
            turn.lock();
            try {
                return work.get();
            } finally {
                turn.unlock();
            }
        } finally {
            pending.release();
        }
    }
}
