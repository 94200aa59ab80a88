package dev.regen.server;

import dev.regen.RegenException;
import dev.regen.train.RunFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Trainings started from the page, one at a time (a small machine has the cores for one), the
 * rest queued. Each runs {@code regen train} in a process of its own, so that its engine state,
 * memory and a crash stay out of the server, and it writes its run folder as any run does.
 * Cancelling a queued job drops it; cancelling a running one ends its process: the run keeps its
 * last epoch's checkpoint, written atomically, which {@code regen resume} continues; a run
 * cancelled before its first checkpoint leaves nothing and its folder goes.
 */
final class TrainingJobs implements AutoCloseable {
    /** Jobs waiting at once; beyond them the page is told to wait. */
    static final int MAX_QUEUED = 8;
    private static final long STOP_SECONDS = 10;

    private final Path root;
    private final List<String> command;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "regen-training-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Integer, Job> jobs = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** Jobs under {@code root}, each run by {@code command} followed by the job's {@code regen train} arguments. */
    TrainingJobs(Path root, List<String> command) {
        this.root = root;
        this.command = List.copyOf(command);
    }

    /** A job's state, as the page shows it. */
    enum State {
        QUEUED, RUNNING, FINISHED, FAILED, CANCELLED;

        boolean done() {
            return this == FINISHED || this == FAILED || this == CANCELLED;
        }
    }

    /**
     * Queues a training.
     *
     * @throws StudioError 400 for a bad request or an existing folder, 429 with a full queue, 501 without a command
     */
    synchronized Map<String, Object> submit(JobRequest request) {
        if (command.isEmpty()) {
            throw new StudioError(501, "this studio was started without a way to run training");
        }
        Path folder = root.resolve(request.folderName());
        if (Files.exists(folder) || jobs.values().stream().anyMatch(j -> j.folder.equals(folder) && !j.state.done())) {
            throw StudioError.badRequest(request.folderName() + " already exists in " + root + ": name the run anew");
        }
        List<String> args = request.arguments(folder);
        if (jobs.values().stream().filter(j -> j.state == State.QUEUED).count() >= MAX_QUEUED) {
            throw new StudioError(429, MAX_QUEUED + " trainings are waiting already; cancel one or wait");
        }
        Job job = new Job(ids.incrementAndGet(), request.folderName(), folder, args);
        jobs.put(job.id, job);
        worker.submit(() -> run(job));
        return job.describe();
    }

    /** Every job, newest first. */
    synchronized List<Map<String, Object>> list() {
        List<Map<String, Object>> all = new ArrayList<>();
        jobs.values().stream().sorted(Comparator.comparingInt((Job j) -> j.id).reversed())
                .forEach(j -> all.add(j.describe()));
        return all;
    }

    /**
     * Cancels job {@code id}: drops it if queued, ends its process if running.
     *
     * @throws StudioError 404 for no such job
     */
    Map<String, Object> cancel(int id) {
        Job job;
        Process process;
        synchronized (this) {
            job = jobs.get(id);
            if (job == null) {
                throw StudioError.notFound("no training job " + id);
            }
            if (job.state.done()) {
                return job.describe();
            }
            job.cancelled = true;
            process = job.process;
            if (job.state == State.QUEUED) {
                job.finish(State.CANCELLED, "cancelled before it started");
                return job.describe();
            }
        }
        stop(process);
        return waitUntilDone(job);
    }

    private Map<String, Object> waitUntilDone(Job job) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS + 5);
        synchronized (this) {
            while (!job.state.done() && System.nanoTime() < deadline) {
                try {
                    wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return job.describe();
        }
    }

    private void run(Job job) {
        Process process;
        synchronized (this) {
            if (job.cancelled) {
                return;
            }
            try {
                Files.createDirectories(job.folder);
                process = new ProcessBuilder(concat(command, job.args)).redirectErrorStream(true)
                        .redirectOutput(job.folder.resolve("train.log").toFile()).start();
            } catch (IOException | RuntimeException e) {
                job.finish(State.FAILED, "could not start the training: " + e.getMessage());
                notifyAll();
                return;
            }
            job.process = process;
            job.state = State.RUNNING;
            job.started = Instant.now().toString();
        }
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            code = -1;
        }
        synchronized (this) {
            if (job.cancelled) {
                job.finish(State.CANCELLED, keepOrRemove(job));
            } else if (code == 0) {
                job.finish(State.FINISHED, "trained");
            } else {
                job.finish(State.FAILED, lastLine(job.folder.resolve("train.log")));
            }
            notifyAll();
        }
    }

    /** What a cancelled run leaves: its last checkpoint, or nothing when it had none yet. */
    private static String keepOrRemove(Job job) {
        if (Files.exists(new RunFiles(job.folder).checkpoint())) {
            return "cancelled; the checkpoint of its last finished epoch is kept (regen resume " + job.folder + ")";
        }
        try (Stream<Path> files = Files.walk(job.folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new RegenException("cannot remove " + job.folder + ": " + e.getMessage(), e);
        }
        return "cancelled before its first checkpoint; nothing kept";
    }

    private static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The log's last line: the error a failed {@code regen train} printed. */
    private static String lastLine(Path log) {
        try {
            String[] lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("[\r\n]+");
            for (int i = lines.length - 1; i >= 0; i--) {
                if (!lines[i].isBlank()) {
                    return lines[i].strip();
                }
            }
            return "failed without a message";
        } catch (IOException e) {
            return "failed; its log is unreadable: " + e.getMessage();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Ends every running job and drops the queued ones: nothing outlives the studio. */
    @Override
    public void close() {
        List<Integer> open;
        synchronized (this) {
            open = jobs.values().stream().filter(j -> !j.state.done()).map(j -> j.id).toList();
        }
        open.forEach(this::cancel);
        worker.shutdownNow();
    }

    private static final class Job {
        final int id;
        final String name;
        final Path folder;
        final List<String> args;
        State state = State.QUEUED;
        boolean cancelled;
        Process process;
        String started;
        String ended;
        String message = "waiting for the trainings before it";

        Job(int id, String name, Path folder, List<String> args) {
            this.id = id;
            this.name = name;
            this.folder = folder;
            this.args = args;
        }

        void finish(State end, String why) {
            state = end;
            message = why;
            ended = Instant.now().toString();
            process = null;
        }

        /** Epochs finished so far: the lines of the run's metrics, which are rewritten whole after each. */
        private long epochsDone() {
            Path metrics = new RunFiles(folder).metrics();
            try (Stream<String> lines = Files.exists(metrics) ? Files.lines(metrics) : Stream.empty()) {
                return lines.filter(line -> !line.isBlank()).count();
            } catch (IOException | java.io.UncheckedIOException e) {
                return 0;
            }
        }

        Map<String, Object> describe() {
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("id", id);
            about.put("run", name);
            about.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
            about.put("message", state == State.RUNNING ? "training: " + epochsDone() + " epochs done" : message);
            about.put("command", "regen " + String.join(" ", args));
            about.put("started", started);
            about.put("ended", ended);
            return about;
        }
    }
}
