package fr.centraleachat.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;

/**
 * The whole system as separate JVMs, started in dependency order (infra, auth server, the four
 * services and the gateway in parallel) and stopped in reverse order. Once ready, each child is supervised: one
 * that exits on its own is restarted on the same port and data dir, as {@link RestartPolicy} says, while the
 * others keep serving (the gateway answers 503 for a service that is down). Usable in-process, e.g. by system
 * tests:
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder()
 *         .projectRoot(root).dataDir(tmp).ports(StackPorts.freePorts())
 *         .start()) {
 *     String gateway = stack.gatewayUrl();
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    /** How long a child may take to stop after SIGTERM before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /** The same for a child writing its class data sharing archive at exit: tens of seconds on a busy machine. */
    static final Duration RECORDING_STOP_GRACE = Duration.ofSeconds(90);

    /** Readiness polling: short, since every poll saved is start-up time, and a poll costs little. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int LOG_TAIL_LINES = 40;

    /** Written to the data dir: one line per process, for scripts (bench, stop) and people. */
    public static final String PROCESSES_FILE = "stack.processes";

    /** Supervision state of a child. */
    public enum Status { STARTING, UP, RESTARTING, GAVE_UP }

    private final StackConfig config;
    private final List<ProcessSpec> specs;
    private final Duration startupTimeout;
    private final PrintStream out;
    private final String javaExecutable;
    private final RestartPolicy restartPolicy;
    private final ClassDataSharing cds;
    private final ReadinessProbe probe = new ReadinessProbe();
    /** The current process of each name (a restart replaces it); guarded by {@link #lifecycle}. */
    private final Map<String, ManagedProcess> current = new LinkedHashMap<>();
    private final Map<String, Status> status = new LinkedHashMap<>();
    private final Map<String, Deque<Long>> restartTimes = new LinkedHashMap<>();
    private final Map<String, Integer> restartCounts = new LinkedHashMap<>();
    private final Object lifecycle = new Object();
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-stack-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile Duration startupTime;

    private LocalStack(StackConfig config, List<ProcessSpec> specs, Duration startupTimeout, PrintStream out,
                       String javaExecutable, RestartPolicy restartPolicy, ClassDataSharing cds) {
        this.config = config;
        this.specs = specs;
        this.startupTimeout = startupTimeout;
        this.out = out;
        this.javaExecutable = javaExecutable;
        this.restartPolicy = restartPolicy;
        this.cds = cds;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts every process and waits until all are ready. On failure (a child exits, or the timeout
     * expires) prints the tail of the culprit's log, stops what was started and throws.
     */
    public LocalStack start() {
        long begin = System.nanoTime();
        long deadline = begin + startupTimeout.toNanos();
        try {
            checkPortsFree();
            Files.createDirectories(config.logDir());
            Map<Integer, List<ProcessSpec>> stages = new TreeMap<>();
            for (ProcessSpec spec : specs) {
                stages.computeIfAbsent(spec.stage(), k -> new ArrayList<>()).add(spec);
            }
            for (List<ProcessSpec> stage : stages.values()) {
                List<ManagedProcess> launched = new ArrayList<>();
                for (ProcessSpec spec : stage) {
                    launched.add(launch(spec));
                }
                awaitReady(launched, deadline);
            }
            startupTime = Duration.ofNanos(System.nanoTime() - begin);
            return this;
        } catch (IOException e) {
            close();
            throw new StackStartException("Cannot prepare " + config.dataDir() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private ManagedProcess launch(ProcessSpec spec) {
        ManagedProcess.checkJar(spec);
        // Extracting a jar for class data sharing can take seconds: not under the lock a stop needs.
        ClassDataSharing.Launch launch = cds != null ? cds.prepare(spec) : ClassDataSharing.Launch.plain(spec.jar(), null);
        synchronized (lifecycle) {
            if (closing) {
                throw new StackStartException("Stopped while starting");
            }
            ManagedProcess process = ManagedProcess.start(spec, javaExecutable, launch);
            current.put(spec.name(), process);
            status.putIfAbsent(spec.name(), Status.STARTING);
            return process;
        }
    }

    /** Once ready, an exit is no longer a start-up failure but something to heal. */
    private void supervise(ManagedProcess process) {
        synchronized (lifecycle) {
            if (current.get(process.name()) == process) {
                status.put(process.name(), Status.UP);
            }
        }
        writeProcessesFile();
        process.process().onExit().thenRun(() -> onUnexpectedExit(process));
    }

    private void onUnexpectedExit(ManagedProcess process) {
        String name = process.name();
        Duration delay;
        int recent;
        synchronized (lifecycle) {
            if (closing || current.get(name) != process) {
                return;
            }
            long now = System.nanoTime();
            Deque<Long> times = restartTimes.computeIfAbsent(name, k -> new ArrayDeque<>());
            while (!times.isEmpty() && now - times.peekFirst() > restartPolicy.window().toNanos()) {
                times.removeFirst();
            }
            recent = times.size();
            delay = restartPolicy.backoff(recent);
            if (delay != null) {
                times.addLast(now + delay.toNanos());
                status.put(name, Status.RESTARTING);
            } else {
                status.put(name, Status.GAVE_UP);
            }
        }
        String exit = ManagedProcess.describeExit(process.exitCode());
        if (delay == null && restartPolicy.maxRestarts() == 0) {
            out.printf("  %-18s exited with %s; restarts are disabled, the others keep running (log: %s)%n",
                    name, exit, process.spec().logFile());
        } else if (delay == null) {
            printLogTail(process);
            out.printf("  %-18s exited with %s; %d restart(s) within %s already: giving up on it. The others keep"
                            + " running (the gateway answers 503 for it); see %s, then restart the stack.%n",
                    name, exit, recent, restartPolicy.window(), process.spec().logFile());
        } else {
            out.printf("  %-18s exited with %s; restarting in %s (restart %d of %d allowed within %s; log: %s)%n",
                    name, exit, seconds(delay), recent + 1, restartPolicy.maxRestarts(), restartPolicy.window(),
                    process.spec().logFile());
            try {
                supervisor.schedule(() -> restart(process.spec()), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // closing: nothing to restart
            }
        }
        writeProcessesFile();
    }

    /** Runs on the supervisor thread; the lock makes a restart and a stop exclusive: one that lost never launches. */
    private void restart(ProcessSpec spec) {
        ManagedProcess process;
        try {
            if (closing) {
                return;
            }
            process = launch(spec);
        } catch (StackStartException e) {
            if (!closing) {
                out.printf("  %-18s cannot be restarted: %s%n", spec.name(), e.getMessage());
                synchronized (lifecycle) {
                    status.put(spec.name(), Status.GAVE_UP);
                }
                writeProcessesFile();
            }
            return;
        }
        synchronized (restartCounts) {
            restartCounts.merge(spec.name(), 1, Integer::sum);
        }
        // An exit before ready counts as one more failure, with a longer back-off.
        process.process().onExit().thenRun(() -> {
            if (!process.isReady()) {
                onUnexpectedExit(process);
            }
        });
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        while (!closing && process.isAlive()) {
            if (probe.isReady(spec.healthUrl())) {
                process.markReady();
                out.printf("  %-18s restarted (pid %d), ready in %s%n", spec.name(), process.pid(),
                        seconds(process.startupTime()));
                supervise(process);
                return;
            }
            if (System.nanoTime() > deadline) {
                out.printf("  %-18s not ready %s after its restart; stopping it%n", spec.name(),
                        seconds(startupTimeout));
                process.requestStop();
                process.awaitStop(STOP_GRACE);
                return;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitReady(List<ManagedProcess> processes, long deadline) {
        List<ManagedProcess> pending = new ArrayList<>(processes);
        while (!pending.isEmpty()) {
            if (closing) {
                throw new StackStartException("Stopped while starting");
            }
            for (var it = pending.iterator(); it.hasNext(); ) {
                ManagedProcess process = it.next();
                if (!process.isAlive()) {
                    printLogTail(process);
                    throw new StackStartException(process.name() + " exited with code " + process.exitCode()
                            + " while starting (log: " + process.spec().logFile() + ")");
                }
                if (probe.isReady(process.spec().healthUrl())) {
                    process.markReady();
                    out.printf("  %-18s ready in %s%n", process.name(), seconds(process.startupTime()));
                    supervise(process);
                    it.remove();
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                pending.forEach(this::printLogTail);
                throw new StackStartException("Timed out after " + startupTimeout.toSeconds() + " s waiting for "
                        + pending.stream().map(ManagedProcess::name).toList());
            }
            sleep(POLL_INTERVAL);
        }
    }

    /**
     * A port already taken would make a child fail, or worse, make the readiness probe hit another
     * process (e.g. a stack already running), so refuse to start instead.
     */
    private void checkPortsFree() {
        Map<String, List<Integer>> byProcess = config.ports().byProcess();
        List<String> busy = new ArrayList<>();
        for (ProcessSpec spec : specs) {
            for (int port : byProcess.getOrDefault(spec.name(), List.of())) {
                if (!isPortFree(port)) {
                    busy.add(port + " (" + spec.name() + ")");
                }
            }
        }
        if (!busy.isEmpty()) {
            throw new StackStartException("Port(s) already in use: " + String.join(", ", busy)
                    + ". Is a stack already running? Stop it with ./stop.sh");
        }
    }

    static boolean isPortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Stops the children in reverse start order: each stage gets SIGTERM together, then up to
     * {@link #STOP_GRACE} to exit before being killed. Idempotent; safe from a shutdown hook.
     */
    @Override
    public void close() {
        List<ManagedProcess> toStop;
        synchronized (lifecycle) {
            if (closing) {
                return;
            }
            closing = true;
            toStop = new ArrayList<>(current.values());
        }
        // Pending restarts are dropped; one already past the lock has put its process in the list above.
        supervisor.shutdownNow();
        try {
            stopAll(toStop);
        } finally {
            try {
                Files.deleteIfExists(config.dataDir().resolve(PROCESSES_FILE));
            } catch (IOException ignored) {
                // stale file: rewritten at the next start
            }
            closed.countDown();
        }
    }

    private void stopAll(List<ManagedProcess> toStop) {
        Map<Integer, List<ManagedProcess>> stages = new TreeMap<>(Collections.reverseOrder());
        for (ManagedProcess process : toStop) {
            stages.computeIfAbsent(process.spec().stage(), k -> new ArrayList<>()).add(process);
        }
        for (List<ManagedProcess> stage : stages.values()) {
            List<ManagedProcess> alive = stage.stream().filter(ManagedProcess::isAlive).toList();
            alive.forEach(ManagedProcess::requestStop);
            List<CompletableFuture<Void>> waits = alive.stream()
                    .map(process -> CompletableFuture.runAsync(() -> stop(process)))
                    .toList();
            waits.forEach(CompletableFuture::join);
        }
    }

    private void stop(ManagedProcess process) {
        long begin = System.nanoTime();
        boolean graceful = process.awaitStop(process.recording() ? RECORDING_STOP_GRACE : STOP_GRACE);
        out.printf("  %-18s %s in %s%n", process.name(), graceful ? "stopped" : "killed",
                seconds(Duration.ofNanos(System.nanoTime() - begin)));
    }

    /** Blocks until {@link #close()} has stopped every child (e.g. from a shutdown hook on Ctrl-C). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Supervision state of a process; empty if it was never started. */
    public Optional<Status> status(String processName) {
        synchronized (lifecycle) {
            return Optional.ofNullable(status.get(processName));
        }
    }

    /** How many times a process has been restarted since {@link #start()}. */
    public int restarts(String processName) {
        synchronized (restartCounts) {
            return restartCounts.getOrDefault(processName, 0);
        }
    }

    /** {@code name pid port url status} per process, rewritten on every change; deleted by {@link #close()}. */
    private void writeProcessesFile() {
        StringBuilder text = new StringBuilder("# name pid port url status (written by the launcher)\n");
        synchronized (lifecycle) {
            if (closing) {
                return;
            }
            for (ProcessSpec spec : specs) {
                ManagedProcess process = current.get(spec.name());
                text.append(spec.name()).append(' ')
                        .append(process != null ? process.pid() : -1).append(' ')
                        .append(spec.port()).append(' ')
                        .append("http://localhost:").append(spec.port()).append(' ')
                        .append(status.getOrDefault(spec.name(), Status.STARTING)).append('\n');
            }
        }
        try {
            Path file = config.dataDir().resolve(PROCESSES_FILE);
            Path tmp = config.dataDir().resolve(PROCESSES_FILE + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ignored) {
            // informational only
        }
    }

    private void printLogTail(ManagedProcess process) {
        out.printf("---- last lines of %s ----%n", process.spec().logFile());
        process.logTail(LOG_TAIL_LINES).forEach(out::println);
        out.println("----");
    }

    /** True once {@link #close()} has been called (or a failed start cleaned up). */
    public boolean isClosed() {
        return closing;
    }

    public StackConfig config() {
        return config;
    }

    public StackPorts ports() {
        return config.ports();
    }

    public Path dataDir() {
        return config.dataDir();
    }

    public String gatewayUrl() {
        return config.gatewayUrl();
    }

    public String authServerUrl() {
        return config.authServerUrl();
    }

    /** Base URL of a process ({@code http://localhost:<port>}), by {@link ProcessSpec} name. */
    public String url(String processName) {
        return specs.stream().filter(s -> s.name().equals(processName)).findFirst()
                .map(s -> "http://localhost:" + s.port())
                .orElseThrow(() -> new IllegalArgumentException("Unknown or not started: " + processName));
    }

    /** Names of the processes this stack manages, in start order. */
    public List<String> processNames() {
        return specs.stream().map(ProcessSpec::name).toList();
    }

    /** Pid of the current process of that name (still running or not; a restart changes it). */
    public OptionalLong pid(String processName) {
        synchronized (lifecycle) {
            ManagedProcess process = current.get(processName);
            return process != null ? OptionalLong.of(process.pid()) : OptionalLong.empty();
        }
    }

    /** Pids of the current processes, in start order. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        synchronized (lifecycle) {
            current.forEach((name, process) -> pids.put(name, process.pid()));
        }
        return pids;
    }

    /** Per-process time from launch to ready. */
    public Map<String, Duration> startupTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        synchronized (lifecycle) {
            current.forEach((name, p) -> times.put(name, p.startupTime()));
        }
        return times;
    }

    /** From {@link #start()} to all ready; null before. */
    public Duration startupTime() {
        return startupTime;
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("Interrupted while starting", e);
        }
    }

    /** Configures a {@link LocalStack}; {@link #build()} then {@link LocalStack#start()}, or {@link #start()}. */
    public static final class Builder {

        private Path projectRoot;
        private Path dataDir;
        private StackPorts ports = StackPorts.defaults();
        private Duration startupTimeout = Duration.ofSeconds(180);
        private List<String> jvmOptions = StackConfig.DEFAULT_JVM_OPTIONS;
        private String profile = StackConfig.DEFAULT_PROFILE;
        private boolean jsonLogs;
        private final Set<String> only = new LinkedHashSet<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private PrintStream out = System.out;
        private RestartPolicy restartPolicy = RestartPolicy.defaults();
        private boolean classDataSharing = true;
        private String javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        private Builder() {
        }

        /** Maven project root; by default found from the launcher jar or the working directory. */
        public Builder projectRoot(Path projectRoot) {
            this.projectRoot = projectRoot;
            return this;
        }

        /** Persistent state of the stack; default {@code <projectRoot>/data}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder ports(StackPorts ports) {
            this.ports = Objects.requireNonNull(ports);
            return this;
        }

        /** Overall time allowed for every process to be ready; default 180 s. */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout);
            return this;
        }

        /** Replaces {@link StackConfig#DEFAULT_JVM_OPTIONS}. */
        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = List.copyOf(jvmOptions);
            return this;
        }

        /** Spring profile of every child; default {@code demo}. */
        public Builder profile(String profile) {
            this.profile = Objects.requireNonNull(profile);
            return this;
        }

        public Builder jsonLogs(boolean jsonLogs) {
            this.jsonLogs = jsonLogs;
            return this;
        }

        /** Starts only these processes (names from {@link ProcessSpec}), still in dependency order. */
        public Builder only(String... processNames) {
            for (String name : processNames) {
                if (!ProcessSpec.ALL.contains(name)) {
                    throw new IllegalArgumentException("Unknown process " + name + "; known: " + ProcessSpec.ALL);
                }
                only.add(name);
            }
            return this;
        }

        /** Extra environment variable for every child, applied after the contract of {@link StackConfig}. */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Where progress lines and failure logs go; default {@code System.out}. */
        public Builder output(PrintStream out) {
            this.out = Objects.requireNonNull(out);
            return this;
        }

        /** How children that exit on their own are restarted; default {@link RestartPolicy#defaults()}. */
        public Builder restartPolicy(RestartPolicy restartPolicy) {
            this.restartPolicy = Objects.requireNonNull(restartPolicy);
            return this;
        }

        /**
         * Runs the children from extracted jars with an AppCDS archive (recorded at the first clean stop, kept in
         * {@code local-stack/target/cds}); default on. Off runs the jars as they are.
         */
        public Builder classDataSharing(boolean classDataSharing) {
            this.classDataSharing = classDataSharing;
            return this;
        }

        public Builder javaExecutable(String javaExecutable) {
            this.javaExecutable = Objects.requireNonNull(javaExecutable);
            return this;
        }

        /** A configured stack, not started: lets a caller register a shutdown hook before starting. */
        public LocalStack build() {
            Path root = projectRoot != null ? projectRoot : findProjectRoot();
            Path data = dataDir != null ? dataDir : root.resolve("data");
            StackConfig config = new StackConfig(root, data, ports, jvmOptions, profile, jsonLogs,
                    ProcessHandle.current().pid(), env);
            ClassDataSharing cds = classDataSharing
                    ? new ClassDataSharing(root.resolve("local-stack/target/cds"), javaExecutable) : null;
            return new LocalStack(config, config.processes(only), startupTimeout, out, javaExecutable,
                    restartPolicy, cds);
        }

        public LocalStack start() {
            return build().start();
        }
    }

    /** The directory holding the root pom and the local-stack module: from the launcher jar, else the working dir. */
    static Path findProjectRoot() {
        List<Path> candidates = new ArrayList<>();
        try {
            var location = LocalStack.class.getProtectionDomain().getCodeSource().getLocation();
            candidates.add(Path.of(location.toURI()).toAbsolutePath());
        } catch (URISyntaxException | RuntimeException ignored) {
            // not from a file; fall back to the working directory
        }
        candidates.add(Path.of("").toAbsolutePath());
        for (Path start : candidates) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (isProjectRoot(dir)) {
                    return dir;
                }
            }
        }
        throw new IllegalStateException(
                "Cannot find the project root (a directory with pom.xml, embedded-infra/ and local-stack/); use --project-root");
    }

    static boolean isProjectRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("local-stack"))
                && Files.isDirectory(dir.resolve("embedded-infra"));
    }
}
