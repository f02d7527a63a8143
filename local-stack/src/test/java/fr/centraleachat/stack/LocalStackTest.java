package fr.centraleachat.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir
    Path tmp;

    @Test
    void missingJarIsReportedWithTheBuildCommand() {
        LocalStack stack = LocalStack.builder()
                .projectRoot(tmp)
                .dataDir(tmp.resolve("data"))
                .ports(StackPorts.freePorts())
                .output(new PrintStream(new ByteArrayOutputStream()))
                .build();
        assertThatThrownBy(stack::start)
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("embedded-infra: jar not found")
                .hasMessageContaining("mvnw");
    }

    @Test
    void busyPortIsReportedBeforeStartingAnything() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            StackPorts free = StackPorts.freePorts();
            StackPorts ports = new StackPorts(free.gateway(), free.adhesion(), free.marche(), free.catalogue(),
                    free.diffusion(), busy.getLocalPort(), free.infraHttp(), free.mongo(), free.kafka(), free.kafkaController(),
                    free.smtp());
            LocalStack stack = LocalStack.builder().projectRoot(tmp).dataDir(tmp).ports(ports)
                    .output(new PrintStream(new ByteArrayOutputStream())).build();
            assertThatThrownBy(stack::start)
                    .isInstanceOf(StackStartException.class)
                    .hasMessageContaining(busy.getLocalPort() + " (auth-server)");
            assertThat(stack.isClosed()).isTrue();
        }
    }

    @Test
    void onlyRejectsUnknownNames() {
        assertThatThrownBy(() -> LocalStack.builder().only("mongo")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultDataDirIsUnderTheProjectRoot() {
        LocalStack stack = LocalStack.builder().projectRoot(tmp).build();
        assertThat(stack.dataDir()).isEqualTo(tmp.toAbsolutePath().resolve("data"));
        assertThat(stack.processNames()).containsExactlyElementsOf(ProcessSpec.ALL);
        assertThat(stack.url(ProcessSpec.GATEWAY)).isEqualTo("http://localhost:8080");
    }
}
