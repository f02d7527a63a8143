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
    void restartsAKilledChildOnItsPortsThenGivesUpAfterRepeatedFailures() throws Exception {
        StackPorts ports = StackPorts.freePorts();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (LocalStack stack = LocalStack.builder()
                .projectRoot(projectRoot)
                .dataDir(dataDir)
                .ports(ports)
                .only(ProcessSpec.EMBEDDED_INFRA)
                .restartPolicy(new RestartPolicy(1, Duration.ofMinutes(10), Duration.ofMillis(200), Duration.ofSeconds(1)))
                .startupTimeout(Duration.ofSeconds(120))
                .output(new PrintStream(progress, true))
                .start()) {
            long first = stack.pid(ProcessSpec.EMBEDDED_INFRA).orElseThrow();
            ProcessHandle.of(first).orElseThrow().destroyForcibly();

            awaitUntil(Duration.ofSeconds(120), () -> stack.status(ProcessSpec.EMBEDDED_INFRA).orElseThrow() == LocalStack.Status.UP
                    && stack.pid(ProcessSpec.EMBEDDED_INFRA).orElseThrow() != first);
            long second = stack.pid(ProcessSpec.EMBEDDED_INFRA).orElseThrow();
            assertThat(stack.restarts(ProcessSpec.EMBEDDED_INFRA)).isEqualTo(1);
            assertThat(progress.toString()).contains("embedded-infra     exited with code 137 (killed, SIGKILL); restarting in 0.2 s")
                    .containsPattern("embedded-infra\\s+restarted \\(pid " + second + "\\), ready in");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + ports.infraHttp() + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("same port, same data dir after the restart").isEqualTo(200);
            assertThat(dataDir.resolve(LocalStack.PROCESSES_FILE)).content()
                    .contains("embedded-infra " + second + " " + ports.infraHttp() + " http://localhost:" + ports.infraHttp() + " UP");

            ProcessHandle.of(second).orElseThrow().destroyForcibly();
            awaitUntil(Duration.ofSeconds(30), () -> stack.status(ProcessSpec.EMBEDDED_INFRA).orElseThrow() == LocalStack.Status.GAVE_UP);
            assertThat(progress.toString()).contains("1 restart(s) within PT10M already: giving up on it");
            assertThat(stack.restarts(ProcessSpec.EMBEDDED_INFRA)).isEqualTo(1);
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(dataDir.resolve(LocalStack.PROCESSES_FILE)).doesNotExist();
    }

    @Test
    void stopDuringTheBackOffLeavesNoChildBehind() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        LocalStack stack = LocalStack.builder()
                .projectRoot(projectRoot)
                .dataDir(dataDir)
                .ports(StackPorts.freePorts())
                .only(ProcessSpec.EMBEDDED_INFRA)
                .restartPolicy(new RestartPolicy(3, Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .startupTimeout(Duration.ofSeconds(120))
                .output(new PrintStream(progress, true))
                .start();
        ProcessHandle.of(stack.pid(ProcessSpec.EMBEDDED_INFRA).orElseThrow()).orElseThrow().destroyForcibly();
        awaitUntil(Duration.ofSeconds(10), () -> progress.toString().contains("restarting in 2.0 s"));
        stack.close();

        Thread.sleep(3_000);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .as("the restart scheduled before the stop never runs").isEmpty();
        assertThat(stack.restarts(ProcessSpec.EMBEDDED_INFRA)).isZero();
    }

    private static void awaitUntil(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within %s", timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
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
