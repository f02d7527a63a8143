package fr.centraleachat.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Faster, lighter child start-up through AppCDS. Each Spring Boot jar is extracted once
 * ({@code java -Djarmode=tools -jar app.jar extract}); the first run of the extracted jar records a
 * dynamic class-data-sharing archive when it exits, and later runs map it. On a 2-core machine this
 * roughly halves the CPU time each JVM needs to become ready.
 *
 * <p>Any failure falls back to running the original jar: CDS is an optimisation, never a requirement.
 * The JVM itself ignores an archive that no longer matches its class path.
 */
final class ClassDataSharing {

    private static final String STAMP = ".source";

    private final Path cacheDir;
    private final String javaExecutable;

    ClassDataSharing(Path cacheDir, String javaExecutable) {
        this.cacheDir = cacheDir.toAbsolutePath().normalize();
        this.javaExecutable = javaExecutable;
    }

    /**
     * How to launch a process.
     *
     * @param jar            jar to run (the extracted one when available)
     * @param jvmOptions     extra options for CDS (use or record an archive)
     * @param pendingArchive archive being recorded by this run, to publish after a clean exit; null otherwise
     * @param archive        where the archive is published
     * @param note           what happened, for the log file
     */
    record Launch(Path jar, List<String> jvmOptions, Path pendingArchive, Path archive, String note) {

        static Launch plain(Path jar, String note) {
            return new Launch(jar, List.of(), null, null, note);
        }

        boolean recording() {
            return pendingArchive != null;
        }
    }

    Launch prepare(ProcessSpec spec) {
        Path dir = cacheDir.resolve(spec.name());
        Path archive = cacheDir.resolve(spec.name() + ".jsa");
        try {
            Files.createDirectories(cacheDir);
            // Another launcher (e.g. a system test next to a dev stack) may share this cache.
            try (FileChannel channel = FileChannel.open(cacheDir.resolve(spec.name() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                String source = stamp(spec.jar());
                Path stampFile = dir.resolve(STAMP);
                Path extracted = dir.resolve(spec.jar().getFileName());
                if (!Files.isRegularFile(extracted) || !Files.exists(stampFile)
                        || !Files.readString(stampFile, StandardCharsets.UTF_8).equals(source)) {
                    Files.deleteIfExists(archive);
                    DataDir.deleteTree(dir);
                    String error = extract(spec.jar(), dir);
                    if (error != null) {
                        DataDir.deleteTree(dir);
                        return Launch.plain(spec.jar(), "class data sharing disabled: " + error);
                    }
                    Files.writeString(stampFile, source, StandardCharsets.UTF_8);
                }
                if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                    return new Launch(extracted, List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"),
                            null, archive, "using class data sharing archive " + archive);
                }
                Path pending = cacheDir.resolve(spec.name() + ".jsa." + UUID.randomUUID() + ".tmp");
                return new Launch(extracted, List.of("-XX:ArchiveClassesAtExit=" + pending), pending, archive,
                        "recording class data sharing archive (used from the next start)");
            }
        } catch (IOException | UncheckedIOException e) {
            return Launch.plain(spec.jar(), "class data sharing disabled: " + e.getMessage());
        }
    }

    /** After the process exited: keeps the recorded archive if the exit was clean, else drops it. */
    static void publish(Launch launch, boolean cleanExit) {
        if (!launch.recording()) {
            return;
        }
        try {
            if (cleanExit && Files.isRegularFile(launch.pendingArchive()) && Files.size(launch.pendingArchive()) > 0) {
                try {
                    Files.move(launch.pendingArchive(), launch.archive(),
                            StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(launch.pendingArchive(), launch.archive(), StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                Files.deleteIfExists(launch.pendingArchive());
            }
        } catch (IOException ignored) {
            // the next start records again
        }
    }

    /** Runs the Spring Boot jar tools; returns an error message, or null on success. */
    private String extract(Path jar, Path destination) throws IOException {
        Files.createDirectories(destination.getParent());
        Path output = Files.createTempFile(cacheDir, "extract-", ".log");
        try {
            List<String> command = new ArrayList<>(List.of(javaExecutable, "-XX:TieredStopAtLevel=1",
                    "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", destination.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "extracting " + jar.getFileName() + " timed out";
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(destination.resolve(jar.getFileName()))) {
                String log = Files.readString(output, StandardCharsets.UTF_8).strip();
                return "cannot extract " + jar.getFileName() + " (" + log.lines().reduce((a, b) -> b).orElse("") + ")";
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String stamp(Path jar) throws IOException {
        return jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
    }
}
