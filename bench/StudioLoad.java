import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load on a running studio over loopback: CLIENTS clients for SECONDS seconds, each
 * alternating a 64-image sample grid and four slider updates of one sample, as a page does; then
 * p50/p95 latency per call, throughput, errors, and the server's resident memory over the run.
 * Usage: java bench/StudioLoad.java URL MODEL CLIENTS SECONDS SERVER_PID
 */
public class StudioLoad {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String model = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        long pid = Long.parseLong(args[4]);
        HttpClient http = HttpClient.newBuilder().build();
        List<Long> grids = Collections.synchronizedList(new ArrayList<>());
        List<Long> sliders = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        List<String> rss = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        pool.submit(() -> {
            while (System.nanoTime() < end) {
                rss.add(residentMb(pid));
                sleep(10_000);
            }
            rss.add(residentMb(pid));
        });
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                Random random = new Random(client);
                for (int round = 0; System.nanoTime() < end; round++) {
                    time(http, url + "api/sample.png?model=" + model + "&n=64&seed=" + round, grids, errors);
                    for (int move = 0; move < 4 && System.nanoTime() < end; move++) {
                        String amounts = String.format(Locale.ROOT, "%.2f,%.2f", random.nextGaussian(),
                                random.nextGaussian());
                        time(http, url + "api/explore.png?model=" + model + "&seed=" + round + "&n=64&index="
                                + random.nextInt(64) + "&amounts=" + amounts, sliders, errors);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "%d clients, %d s: %s%n", clients, seconds, "on " + url);
        report("64-image grid", grids, seconds);
        report("slider update", sliders, seconds);
        System.out.println("errors " + errors.get());
        System.out.println("server RSS MB every 10 s: " + String.join(" ", rss));
    }

    private static void time(HttpClient http, String url, List<Long> into, AtomicInteger errors) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                errors.incrementAndGet();
                return;
            }
        } catch (Exception e) {
            errors.incrementAndGet();
            return;
        }
        into.add(System.nanoTime() - start);
    }

    private static void report(String what, List<Long> nanos, int seconds) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println(what + ": no successful requests");
            return;
        }
        System.out.printf(Locale.ROOT, "%-14s %7d requests, %6.1f/s, p50 %6.1f ms, p95 %6.1f ms, max %6.1f ms%n", what,
                sorted.size(), sorted.size() / (double) seconds, ms(sorted, 0.50), ms(sorted, 0.95),
                sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size()))) / 1e6;
    }

    private static String residentMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.toString(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (Exception e) {
            return "?";
        }
        return "?";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
