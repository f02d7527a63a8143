package fr.centraleachat.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A started child process, its log file, and how to stop it. */
final class ManagedProcess {

    /** Detaching from the launcher's session keeps Ctrl-C away from the children: the launcher stops them in order. */
    private static final Path SETSID = Stream.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);

    private final ProcessSpec spec;
    private final Process process;
    private final long startNanos;
    private final boolean recording;
    private volatile long readyNanos;

    private ManagedProcess(ProcessSpec spec, Process process, long startNanos, boolean recording) {
        this.spec = spec;
        this.process = process;
        this.startNanos = startNanos;
        this.recording = recording;
    }

    static ManagedProcess start(ProcessSpec spec, String javaExecutable) {
        return start(spec, javaExecutable, ClassDataSharing.Launch.plain(spec.jar(), null));
    }

    /** Fails early, with the build command, when a jar is missing. */
    static void checkJar(ProcessSpec spec) {
        if (!Files.isRegularFile(spec.jar())) {
            throw new StackStartException(spec.name() + ": jar not found: " + spec.jar()
                    + " (build it with ./mvnw -DskipTests package)");
        }
    }

    /**
     * Starts the child as {@code launch} says (class data sharing or not): an archive being recorded is kept
     * only after a clean exit (0, or 143 after our SIGTERM), so a crash never leaves a partial one.
     */
    static ManagedProcess start(ProcessSpec spec, String javaExecutable, ClassDataSharing.Launch launch) {
        checkJar(spec);
        List<String> command = spec.command(javaExecutable, launch.jar(), launch.jvmOptions());
        if (SETSID != null) {
            command = Stream.concat(Stream.of(SETSID.toString()), command.stream()).toList();
        }
        try {
            Files.createDirectories(spec.logFile().getParent());
            Files.writeString(spec.logFile(), System.lineSeparator() + "==== " + Instant.now() + " starting "
                            + spec.name() + ": " + String.join(" ", command) + System.lineSeparator()
                            + (launch.note() != null ? "==== " + launch.note() + System.lineSeparator() : ""),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(spec.jar().getParent().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            builder.environment().putAll(spec.env());
            long start = System.nanoTime();
            Process process = builder.start();
            if (launch.recording()) {
                process.onExit().thenAccept(p -> ClassDataSharing.publish(launch, p.exitValue() == 0 || p.exitValue() == 143));
            }
            return new ManagedProcess(spec, process, start, launch.recording());
        } catch (IOException e) {
            throw new StackStartException(spec.name() + ": cannot start: " + e.getMessage(), e);
        }
    }

    ProcessSpec spec() {
        return spec;
    }

    String name() {
        return spec.name();
    }

    /** True when this run writes its class data sharing archive at exit, which makes the stop slower. */
    boolean recording() {
        return recording;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** The exit code with what it usually means for these JVMs. */
    static String describeExit(int code) {
        return switch (code) {
            case 3 -> "code 3 (out of memory: -XX:+ExitOnOutOfMemoryError)";
            case 137 -> "code 137 (killed, SIGKILL)";
            case 143 -> "code 143 (terminated, SIGTERM)";
            default -> "code " + code;
        };
    }

    void markReady() {
        readyNanos = System.nanoTime();
    }

    boolean isReady() {
        return readyNanos != 0;
    }

    Duration startupTime() {
        long end = readyNanos != 0 ? readyNanos : System.nanoTime();
        return Duration.ofNanos(end - startNanos);
    }

    Process process() {
        return process;
    }

    /** Sends SIGTERM (graceful Spring shutdown), without waiting. */
    void requestStop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Waits for the exit; kills the process if it is still there after {@code grace}. Returns true if it stopped by itself. */
    boolean awaitStop(Duration grace) {
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** Last lines of the log file, to explain a failure without opening it. */
    List<String> logTail(int lines) {
        Path file = spec.logFile();
        if (!Files.exists(file)) {
            return List.of();
        }
        // Only the end of the file matters; it may have grown over many runs.
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, raf.length() - 64 * 1024);
            byte[] bytes = new byte[(int) (raf.length() - from)];
            raf.seek(from);
            raf.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
