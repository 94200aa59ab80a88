package dev.regen.server;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The engine's turns: one computation at a time, and 429 beyond the waiting limit. */
class EngineTest {
    @Test
    void runsOneAtATimeAndRefusesRequestsBeyondTheLimit() throws Exception {
        Engine engine = new Engine(2);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = clients.submit(() -> engine.run(() -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                computing.countDown();
                await(release);
                inside.decrementAndGet();
                return 1;
            }));
            computing.await(10, TimeUnit.SECONDS);
            Future<Integer> second = clients.submit(() -> engine.run(() -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                inside.decrementAndGet();
                return 2;
            }));
            while (!second.isDone() && engine.waiting() < 2) {
                Thread.sleep(10);
            }
            StudioError busy = assertThrows(StudioError.class, () -> engine.run(() -> 3));
            assertEquals(429, busy.status());
            release.countDown();
            assertEquals(1, first.get(10, TimeUnit.SECONDS));
            assertEquals(2, second.get(10, TimeUnit.SECONDS));
            assertEquals(1, most.get(), "never two computations at once");
            assertEquals(4, engine.run(() -> 4), "free again once they finished");
        } finally {
            clients.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
