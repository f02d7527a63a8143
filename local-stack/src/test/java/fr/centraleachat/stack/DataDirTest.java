package fr.centraleachat.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {

    @TempDir
    Path tmp;

    @Test
    void resetDeletesTheDataDir() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("kafka/topic-0"));
        Files.writeString(data.resolve("mongo.mv"), "x");
        DataDir.reset(data, tmp.resolve("project"));
        assertThat(data).doesNotExist();
    }

    @Test
    void resetRefusesSourceTreesAndTheProject() throws IOException {
        Path project = tmp.resolve("project");
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        assertThatThrownBy(() -> DataDir.reset(project, project)).hasMessageContaining("Refusing");
        assertThatThrownBy(() -> DataDir.reset(tmp, project)).hasMessageContaining("contains the project");
        assertThat(project.resolve("pom.xml")).exists();
    }

    @Test
    void pidFileRoundTrip() throws IOException {
        DataDir.writePid(tmp);
        assertThat(DataDir.pidFile(tmp)).content().isEqualToIgnoringNewLines(Long.toString(ProcessHandle.current().pid()));
        // Our own pid is not "another launcher".
        assertThat(DataDir.runningLauncher(tmp)).isEmpty();
        DataDir.deletePid(tmp);
        assertThat(DataDir.pidFile(tmp)).doesNotExist();
    }

    @Test
    void stalePidFileIsIgnored() throws IOException {
        Files.writeString(DataDir.pidFile(tmp), "999999999");
        assertThat(DataDir.runningLauncher(tmp)).isEmpty();
    }
}
