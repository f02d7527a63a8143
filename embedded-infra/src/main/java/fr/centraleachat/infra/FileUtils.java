package fr.centraleachat.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

final class FileUtils {

    private FileUtils() {
    }

    /** Best effort: a leftover temporary directory must not fail a test. */
    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // keep deleting the rest
                }
            });
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
