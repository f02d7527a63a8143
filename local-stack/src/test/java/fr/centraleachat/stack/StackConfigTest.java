package fr.centraleachat.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class StackConfigTest {

    private static final Path ROOT = Path.of("/src/centrale");
    private static final Path DATA = Path.of("/var/centrale-data");

    private final StackConfig config = new StackConfig(ROOT, DATA, StackPorts.defaults(),
            StackConfig.DEFAULT_JVM_OPTIONS, "demo", false, 4242, Map.of());

    @Test
    void startOrderAndStages() {
        List<ProcessSpec> specs = config.processes();
        assertThat(specs).extracting(ProcessSpec::name).containsExactlyElementsOf(ProcessSpec.ALL);
        assertThat(specs).extracting(ProcessSpec::stage).containsExactly(0, 0, 1, 1, 1, 1, 1);
    }

    @Test
    void jarsPortsAndHealthUrls() {
        Map<String, ProcessSpec> specs = byName(config.processes());
        assertThat(specs.get("embedded-infra").jar()).isEqualTo(ROOT.resolve("embedded-infra/target/embedded-infra-exec.jar"));
        assertThat(specs.get("auth-server").jar()).isEqualTo(ROOT.resolve("auth-server/target/auth-server.jar"));
        assertThat(specs.get("adhesion-service").jar()).isEqualTo(ROOT.resolve("adhesion-service/target/adhesion-service.jar"));
        assertThat(specs.get("marche-service").jar()).isEqualTo(ROOT.resolve("marche-service/target/marche-service.jar"));
        assertThat(specs.get("catalogue-service").jar()).isEqualTo(ROOT.resolve("catalogue-service/target/catalogue-service.jar"));
        assertThat(specs.get("diffusion-service").jar()).isEqualTo(ROOT.resolve("diffusion-service/target/diffusion-service.jar"));
        assertThat(specs.get("gateway").jar()).isEqualTo(ROOT.resolve("gateway/target/gateway.jar"));

        assertThat(specs.values().stream().collect(Collectors.toMap(ProcessSpec::name, ProcessSpec::port)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("gateway", 8080, "adhesion-service", 8081,
                        "marche-service", 8082, "catalogue-service", 8083, "diffusion-service", 8084, "auth-server", 9000,
                        "embedded-infra", 8090));
        assertThat(specs.get("auth-server").healthUrl())
                .isEqualTo(URI.create("http://localhost:9000/actuator/health/readiness"));
        assertThat(specs.get("gateway").logFile()).isEqualTo(DATA.resolve("logs/gateway.log"));
    }

    @Test
    void commandLine() {
        ProcessSpec marche = byName(config.processes()).get("marche-service");
        List<String> expected = new java.util.ArrayList<>(List.of("java"));
        expected.addAll(StackConfig.DEFAULT_JVM_OPTIONS);
        expected.addAll(List.of("-Xmx384m", "-jar", ROOT.resolve("marche-service/target/marche-service.jar").toString(),
                "--spring.profiles.active=demo", "--server.port=8082"));
        assertThat(marche.command("java")).containsExactlyElementsOf(expected);
    }

    @Test
    void everyChildHasABoundedHeapAndExitsOnOutOfMemory() {
        for (ProcessSpec spec : config.processes()) {
            assertThat(spec.jvmOptions()).as(spec.name()).contains("-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC")
                    .anyMatch(option -> option.matches("-Xmx\\d+m"));
        }
    }

    @Test
    void gatewayKeepsTheOptimisingCompilerTheOthersStopAtC1() {
        Map<String, ProcessSpec> specs = byName(config.processes());
        assertThat(lastTieredLevel(specs.get("gateway"))).isEqualTo("4");
        assertThat(lastTieredLevel(specs.get("adhesion-service"))).isEqualTo("1");
    }

    @Test
    void servletProcessesGetFewerRequestThreads() {
        Map<String, ProcessSpec> specs = byName(config.processes());
        for (String name : List.of("auth-server", "adhesion-service", "marche-service", "catalogue-service")) {
            assertThat(specs.get(name).env()).as(name).containsEntry("SERVER_TOMCAT_THREADS_MAX", "32");
        }
        StackConfig overridden = new StackConfig(ROOT, DATA, StackPorts.defaults(), List.of(), "demo", false, 1,
                Map.of("SERVER_TOMCAT_THREADS_MAX", "8"));
        assertThat(byName(overridden.processes()).get("marche-service").env()).containsEntry("SERVER_TOMCAT_THREADS_MAX", "8");
    }

    private static String lastTieredLevel(ProcessSpec spec) {
        return spec.jvmOptions().stream().filter(o -> o.startsWith("-XX:TieredStopAtLevel="))
                .reduce((a, b) -> b).map(o -> o.substring(o.indexOf('=') + 1)).orElse("4");
    }

    @Test
    void everyChildGetsDataDirParentPidAndKafka() {
        for (ProcessSpec spec : config.processes()) {
            assertThat(spec.env())
                    .as(spec.name())
                    .containsEntry("CENTRALE_DATA_DIR", DATA.toString())
                    .containsEntry("CENTRALE_PARENT_PID", "4242")
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
                    .doesNotContainKey("LOGGING_STRUCTURED_FORMAT_CONSOLE");
        }
    }

    @Test
    void servicesGetTheirDatabaseAndTheIssuer() {
        Map<String, ProcessSpec> specs = byName(config.processes());
        assertThat(specs.get("adhesion-service").env()).containsEntry("SPRING_MONGODB_URI", "mongodb://localhost:27017/adhesion");
        assertThat(specs.get("marche-service").env()).containsEntry("SPRING_MONGODB_URI", "mongodb://localhost:27017/marche");
        assertThat(specs.get("catalogue-service").env()).containsEntry("SPRING_MONGODB_URI", "mongodb://localhost:27017/catalogue");
        for (String name : List.of("adhesion-service", "marche-service", "catalogue-service", "gateway")) {
            assertThat(specs.get(name).env()).as(name)
                    .containsEntry("CENTRALE_ISSUER_URI", "http://localhost:9000")
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", "http://localhost:9000/oauth2/jwks");
        }
        assertThat(specs.get("auth-server").env()).containsEntry("CENTRALE_ISSUER_URI", "http://localhost:9000")
                .doesNotContainKey("SPRING_MONGODB_URI");
        assertThat(specs.get("gateway").env()).doesNotContainKey("SPRING_MONGODB_URI");
    }

    @Test
    void gatewayRoutesAndInfraPortsFollowCustomPorts() {
        StackPorts ports = new StackPorts(18080, 18081, 18082, 18083, 18084, 19000, 18090, 37017, 19092, 19093,
                13025);
        StackConfig custom = new StackConfig(ROOT, DATA, ports, List.of(), "demo", true, 1, Map.of("EXTRA", "x"));
        Map<String, ProcessSpec> specs = byName(custom.processes());

        assertThat(specs.get("gateway").env())
                .containsEntry("CENTRALE_ROUTES_ADHESION_URI", "http://localhost:18081")
                .containsEntry("CENTRALE_ROUTES_MARCHE_URI", "http://localhost:18082")
                .containsEntry("CENTRALE_ROUTES_CATALOGUE_URI", "http://localhost:18083")
                .containsEntry("CENTRALE_ROUTES_DIFFUSION_URI", "http://localhost:18084")
                .containsEntry("CENTRALE_ISSUER_URI", "http://localhost:19000")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:19092");
        assertThat(specs.get("embedded-infra").env())
                .containsEntry("SERVER_PORT", "18090")
                .containsEntry("CENTRALE_INFRA_KAFKA_PORT", "19092")
                .containsEntry("CENTRALE_INFRA_KAFKA_CONTROLLER_PORT", "19093")
                .containsEntry("CENTRALE_INFRA_MONGO_PORT", "37017")
                .containsEntry("CENTRALE_INFRA_SMTP_PORT", "13025");
        assertThat(specs.get("marche-service").env())
                .containsEntry("SPRING_MAIL_HOST", "localhost")
                .containsEntry("SPRING_MAIL_PORT", "13025");
        assertThat(specs.get("catalogue-service").env()).containsEntry("SPRING_MONGODB_URI", "mongodb://localhost:37017/catalogue");
        assertThat(specs.get("catalogue-service").args()).contains("--server.port=18083");
        for (ProcessSpec spec : specs.values()) {
            assertThat(spec.env()).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs").containsEntry("EXTRA", "x");
        }
    }

    @Test
    void onlyTheDiffusionServiceMayDeliverWebhooksToThisMachine() {
        Map<String, ProcessSpec> specs = byName(config.processes());
        assertThat(specs.get("diffusion-service").env()).containsEntry("CENTRALE_WEBHOOKS_DESTINATIONS_INTERNES", "true");
        for (String name : List.of("adhesion-service", "marche-service", "catalogue-service", "gateway", "auth-server")) {
            assertThat(specs.get(name).env()).as(name).doesNotContainKey("CENTRALE_WEBHOOKS_DESTINATIONS_INTERNES");
        }
    }

    @Test
    void onlyTheServicesThatSendMailGetTheInfrastructureSmtpServer() {
        Map<String, ProcessSpec> specs = byName(config.processes());
        assertThat(specs.get("embedded-infra").env()).containsEntry("CENTRALE_INFRA_SMTP_PORT", "3025");
        assertThat(specs.get("marche-service").env())
                .containsEntry("SPRING_MAIL_HOST", "localhost")
                .containsEntry("SPRING_MAIL_PORT", "3025");
        for (String name : List.of("adhesion-service", "catalogue-service", "diffusion-service", "gateway", "auth-server")) {
            assertThat(specs.get(name).env()).as(name).doesNotContainKeys("SPRING_MAIL_HOST", "SPRING_MAIL_PORT");
        }
    }

    @Test
    void subsetKeepsOrder() {
        assertThat(config.processes(Set.of("gateway", "embedded-infra"))).extracting(ProcessSpec::name)
                .containsExactly("embedded-infra", "gateway");
        assertThat(config.processes(Set.of())).hasSize(7);
    }

    @Test
    void freePortsAreDistinct() {
        StackPorts ports = StackPorts.freePorts();
        List<Integer> all = ports.byProcess().values().stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(11).doesNotHaveDuplicates().allMatch(LocalStack::isPortFree);
    }

    private static Map<String, ProcessSpec> byName(List<ProcessSpec> specs) {
        return specs.stream().collect(Collectors.toMap(ProcessSpec::name, s -> s));
    }
}
