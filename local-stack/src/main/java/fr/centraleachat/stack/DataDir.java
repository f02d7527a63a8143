package fr.centraleachat.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.OptionalLong;

/** Data dir housekeeping: {@code --reset} and the {@code stack.pid} file read by stop.sh. */
final class DataDir {

    static final String PID_FILE = "stack.pid";

    private DataDir() {
    }

    /**
     * Deletes the data dir, refusing anything that looks like a source tree or a home directory:
     * a mistyped {@code --data-dir . --reset} must not wipe the checkout.
     */
    static void reset(Path dataDir, Path projectRoot) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!Files.exists(dir)) {
            return;
        }
        Optional<String> refusal = refusalToDelete(dir, projectRoot);
        if (refusal.isPresent()) {
            throw new IOException("Refusing to delete " + dir + ": " + refusal.get());
        }
        deleteTree(dir);
    }

    /** Deletes a directory and everything below it; nothing when it does not exist. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static Optional<String> refusalToDelete(Path dir, Path projectRoot) {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        if (dir.getParent() == null || dir.equals(home) || home.startsWith(dir)) {
            return Optional.of("it is a root or home directory");
        }
        if (projectRoot != null && projectRoot.toAbsolutePath().normalize().startsWith(dir)) {
            return Optional.of("it contains the project");
        }
        if (Files.exists(dir.resolve("pom.xml")) || Files.exists(dir.resolve(".git"))
                || Files.exists(dir.resolve("src"))) {
            return Optional.of("it looks like a source tree");
        }
        return Optional.empty();
    }

    static Path pidFile(Path dataDir) {
        return dataDir.resolve(PID_FILE);
    }

    /** Pid of a launcher still running on this data dir, if any (a stale file is ignored). */
    static OptionalLong runningLauncher(Path dataDir) {
        Path file = pidFile(dataDir);
        try {
            if (!Files.exists(file)) {
                return OptionalLong.empty();
            }
            long pid = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive && pid != ProcessHandle.current().pid() ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static void writePid(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(pidFile(dataDir), ProcessHandle.current().pid() + System.lineSeparator(),
                StandardCharsets.UTF_8);
    }

    /** Removes the pid file if it is ours. */
    static void deletePid(Path dataDir) {
        Path file = pidFile(dataDir);
        try {
            if (Files.exists(file)
                    && Files.readString(file, StandardCharsets.UTF_8).trim().equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.delete(file);
            }
        } catch (IOException | RuntimeException ignored) {
            // a stale file is harmless: runningLauncher() checks the pid is alive
        }
    }
}
