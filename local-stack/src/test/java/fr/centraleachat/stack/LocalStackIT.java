package fr.centraleachat.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real embedded-infra jar as a child; skipped when it has not been built. */
class LocalStackIT {

    private static Path projectRoot;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void requireInfraJar() {
        String configured = System.getProperty("centrale.project-root");
        projectRoot = configured != null ? Path.of(configured).toAbsolutePath().normalize() : LocalStack.findProjectRoot();
        assumeTrue(Files.isRegularFile(projectRoot.resolve("embedded-infra/target/embedded-infra-exec.jar")),
                "embedded-infra-exec.jar not built");
    }

    @Test
    void startsInfraDetectsReadinessAndStopsWithoutOrphans() throws Exception {
        StackPorts ports = StackPorts.freePorts();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        long pid;
        try (LocalStack stack = LocalStack.builder()
                .projectRoot(projectRoot)
                .dataDir(dataDir)
                .ports(ports)
                .only(ProcessSpec.EMBEDDED_INFRA)
                .startupTimeout(Duration.ofSeconds(120))
                .output(new PrintStream(progress, true))
                .start()) {
            pid = stack.pid(ProcessSpec.EMBEDDED_INFRA).orElseThrow();
            assertThat(ProcessHandle.of(pid)).isPresent();
            assertThat(progress.toString()).containsPattern("embedded-infra\\s+ready in \\d+\\.\\d s");
            assertThat(stack.startupTime()).isPositive();

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stack.url(ProcessSpec.EMBEDDED_INFRA) + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"kafka\"", "\"mongo\"");
            for (int port : List.of(ports.infraHttp(), ports.kafka(), ports.kafkaController(), ports.mongo())) {
                assertThat(LocalStack.isPortFree(port)).as("port %d in use", port).isFalse();
            }
        }

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(progress.toString()).containsPattern("embedded-infra\\s+stopped in");
        for (int port : List.of(ports.infraHttp(), ports.kafka(), ports.kafkaController(), ports.mongo())) {
            assertThat(LocalStack.isPortFree(port)).as("port %d free", port).isTrue();
        }
        assertThat(dataDir.resolve("logs/embedded-infra.log")).content().contains("Started EmbeddedInfraApplication");
        assertThat(dataDir.resolve("kafka/meta.properties")).exists();
        assertThat(dataDir.resolve("mongo/centrale.mv")).exists();
    }

    @Test
    void childDyingDuringStartupFailsWithItsLog() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        LocalStack stack = LocalStack.builder()
                .projectRoot(projectRoot)
                .dataDir(dataDir)
                .ports(StackPorts.freePorts())
                .only(ProcessSpec.EMBEDDED_INFRA)
                .jvmOptions(List.of("-XX:+ThisOptionDoesNotExist"))
                .startupTimeout(Duration.ofSeconds(30))
                .output(new PrintStream(progress, true))
                .build();

        assertThatThrownBy(stack::start)
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("embedded-infra exited with code 1");
        assertThat(progress.toString()).contains("last lines of", "ThisOptionDoesNotExist");
        assertThat(stack.isClosed()).isTrue();
    }
}
