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
import java.util.concurrent.CompletableFuture;

/**
 * The whole system as separate JVMs, started in dependency order (infra, auth server, the three
 * services in parallel, gateway) and stopped in reverse order. Usable in-process, e.g. by system tests:
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

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 40;

    private final StackConfig config;
    private final List<ProcessSpec> specs;
    private final Duration startupTimeout;
    private final PrintStream out;
    private final String javaExecutable;
    private final ReadinessProbe probe = new ReadinessProbe();
    private final List<ManagedProcess> started = Collections.synchronizedList(new ArrayList<>());
    private final Object lifecycle = new Object();
    private volatile boolean closing;
    private volatile Duration startupTime;

    private LocalStack(StackConfig config, List<ProcessSpec> specs, Duration startupTimeout, PrintStream out,
                       String javaExecutable) {
        this.config = config;
        this.specs = specs;
        this.startupTimeout = startupTimeout;
        this.out = out;
        this.javaExecutable = javaExecutable;
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
        synchronized (lifecycle) {
            if (closing) {
                throw new StackStartException("Stopped while starting");
            }
            ManagedProcess process = ManagedProcess.start(spec, javaExecutable);
            started.add(process);
            return process;
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
            toStop = new ArrayList<>(started);
        }
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
        boolean graceful = process.awaitStop(STOP_GRACE);
        out.printf("  %-18s %s in %s%n", process.name(), graceful ? "stopped" : "killed",
                seconds(Duration.ofNanos(System.nanoTime() - begin)));
    }

    /**
     * Blocks until a child exits while the stack is not being closed, and returns its name; for a
     * launcher that must not keep running half a system. Returns empty once {@link #close()} started.
     */
    public Optional<String> awaitUnexpectedExit() {
        List<CompletableFuture<ManagedProcess>> exits = new ArrayList<>();
        synchronized (started) {
            for (ManagedProcess process : started) {
                exits.add(process.process().onExit().thenApply(p -> process));
            }
        }
        if (exits.isEmpty()) {
            return Optional.empty();
        }
        ManagedProcess exited = (ManagedProcess) CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).join();
        if (closing) {
            return Optional.empty();
        }
        printLogTail(exited);
        return Optional.of(exited.name() + " exited with code " + exited.exitCode());
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

    /** Pid of a started process (still running or not). */
    public OptionalLong pid(String processName) {
        synchronized (started) {
            return started.stream().filter(p -> p.name().equals(processName))
                    .mapToLong(ManagedProcess::pid).findFirst();
        }
    }

    /** Per-process time from launch to ready. */
    public Map<String, Duration> startupTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        synchronized (started) {
            started.forEach(p -> times.put(p.name(), p.startupTime()));
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
            return new LocalStack(config, config.processes(only), startupTimeout, out, javaExecutable);
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
