package fr.centraleachat.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The environment contract between the launcher and the processes it starts: jar locations, ports,
 * command-line arguments and environment variables. Everything a child needs to find the others is here.
 *
 * @param projectRoot root of the Maven project (jars are under {@code <module>/target/})
 * @param dataDir     persistent state of the whole stack (Kafka, Mongo, keys, logs)
 * @param ports       ports of every process
 * @param jvmOptions  JVM options of every child
 * @param profile     Spring profile activated in every child
 * @param jsonLogs    ECS JSON console logs instead of plain text
 * @param launcherPid watched by the children, which stop if the launcher disappears
 * @param extraEnv    added to every child's environment, last (overrides the contract)
 */
public record StackConfig(
        Path projectRoot,
        Path dataDir,
        StackPorts ports,
        List<String> jvmOptions,
        String profile,
        boolean jsonLogs,
        long launcherPid,
        Map<String, String> extraEnv) {

    /**
     * Tuned for start-up time and memory on a small (2-core) machine: C1 only, serial GC, small stacks, a heap
     * that starts small and gives memory back after a collection (resident memory follows the live set, not
     * the maximum), one compiler thread, no perf-data file, and a crash rather than a slow death on OOM so the
     * launcher notices and restarts the process. Per-process additions are in {@link #PROCESS_JVM_OPTIONS}.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1",
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-Xms24m",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError");

    /**
     * Heap ceilings, appended after the common options. A service holds at most {@link #SERVICE_WORKER_THREADS}
     * requests at once, each body at most 1 MB (the body limit of the gateway and of the services) with its
     * parsed form bounded by the Jackson stream constraints: 384 MB leaves room for all of them on top of the
     * live set (about 60 MB). The gateway streams bodies and keeps C2, since it is on every request's path.
     */
    static final Map<String, List<String>> PROCESS_JVM_OPTIONS = Map.of(
            ProcessSpec.EMBEDDED_INFRA, List.of("-Xmx320m"),
            ProcessSpec.AUTH_SERVER, List.of("-Xmx192m"),
            ProcessSpec.ADHESION, List.of("-Xmx384m"),
            ProcessSpec.MARCHE, List.of("-Xmx384m"),
            ProcessSpec.CATALOGUE, List.of("-Xmx384m"),
            // The journal's reader and the webhook deliverers: bodies up to 1 MB like the others, few threads.
            ProcessSpec.DIFFUSION, List.of("-Xmx256m"),
            ProcessSpec.GATEWAY, List.of("-Xmx256m", "-XX:TieredStopAtLevel=4", "-XX:CICompilerCount=2"));

    /** Request threads of each servlet service (Tomcat's default, 200, is sized for a server, not a laptop). */
    static final int SERVICE_WORKER_THREADS = 32;

    public static final String DEFAULT_PROFILE = "demo";

    /** Mongo database of each service. */
    static final Map<String, String> DATABASES = Map.of(
            ProcessSpec.ADHESION, "adhesion",
            ProcessSpec.MARCHE, "marche",
            ProcessSpec.CATALOGUE, "catalogue",
            ProcessSpec.DIFFUSION, "diffusion");

    /** The services that send mail: only they get an SMTP server, so only they run a mail relay. */
    static final Set<String> SENDS_MAIL = Set.of(ProcessSpec.MARCHE);

    public StackConfig {
        projectRoot = projectRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        jvmOptions = List.copyOf(jvmOptions);
        extraEnv = Map.copyOf(extraEnv);
    }

    public String gatewayUrl() {
        return url(ports.gateway());
    }

    public String authServerUrl() {
        return url(ports.authServer());
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + ports.kafka();
    }

    public String mongoUri(String database) {
        return "mongodb://localhost:" + ports.mongo() + "/" + database;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** The processes to start, in start order, restricted to {@code names} (all when empty). */
    public List<ProcessSpec> processes(Set<String> names) {
        List<ProcessSpec> specs = new ArrayList<>();
        for (ProcessSpec spec : processes()) {
            if (names.isEmpty() || names.contains(spec.name())) {
                specs.add(spec);
            }
        }
        return specs;
    }

    /**
     * All processes, in two stages: the infrastructure with the auth server (which needs neither Kafka nor
     * MongoDB), then the four services with the gateway (which needs nothing to start: tokens' keys and the
     * services are reached at the first request). Fewer stages means no core idles while a stage's last
     * process finishes.
     */
    public List<ProcessSpec> processes() {
        return List.of(
                spec(ProcessSpec.EMBEDDED_INFRA, 0, "embedded-infra/target/embedded-infra-exec.jar",
                        ports.infraHttp(), infraEnv()),
                spec(ProcessSpec.AUTH_SERVER, 0, "auth-server/target/auth-server.jar",
                        ports.authServer(), authServerEnv()),
                spec(ProcessSpec.ADHESION, 1, "adhesion-service/target/adhesion-service.jar",
                        ports.adhesion(), serviceEnv(ProcessSpec.ADHESION)),
                spec(ProcessSpec.MARCHE, 1, "marche-service/target/marche-service.jar",
                        ports.marche(), serviceEnv(ProcessSpec.MARCHE)),
                spec(ProcessSpec.CATALOGUE, 1, "catalogue-service/target/catalogue-service.jar",
                        ports.catalogue(), serviceEnv(ProcessSpec.CATALOGUE)),
                spec(ProcessSpec.DIFFUSION, 1, "diffusion-service/target/diffusion-service.jar",
                        ports.diffusion(), serviceEnv(ProcessSpec.DIFFUSION)),
                spec(ProcessSpec.GATEWAY, 1, "gateway/target/gateway.jar",
                        ports.gateway(), gatewayEnv()));
    }

    /** Every child: data dir, parent watch, Kafka, and optionally JSON logs. */
    Map<String, String> commonEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CENTRALE_DATA_DIR", dataDir.toString());
        env.put("CENTRALE_PARENT_PID", Long.toString(launcherPid));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        if (jsonLogs) {
            env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        }
        return env;
    }

    Map<String, String> infraEnv() {
        Map<String, String> env = commonEnv();
        env.put("SERVER_PORT", Integer.toString(ports.infraHttp()));
        env.put("CENTRALE_INFRA_KAFKA_PORT", Integer.toString(ports.kafka()));
        env.put("CENTRALE_INFRA_KAFKA_CONTROLLER_PORT", Integer.toString(ports.kafkaController()));
        env.put("CENTRALE_INFRA_MONGO_PORT", Integer.toString(ports.mongo()));
        env.put("CENTRALE_INFRA_SMTP_PORT", Integer.toString(ports.smtp()));
        return env;
    }

    /** The auth server is the token issuer; its issuer URI must match what the resource servers check. */
    Map<String, String> authServerEnv() {
        Map<String, String> env = commonEnv();
        env.put("CENTRALE_ISSUER_URI", authServerUrl());
        tomcatThreads(env);
        return env;
    }

    Map<String, String> serviceEnv(String name) {
        Map<String, String> env = resourceServerEnv();
        env.put("SPRING_MONGODB_URI", mongoUri(DATABASES.get(name)));
        if (SENDS_MAIL.contains(name)) {
            // The infrastructure's SMTP server, which keeps each mail as a file; setting the host turns the relay on.
            env.put("SPRING_MAIL_HOST", "localhost");
            env.put("SPRING_MAIL_PORT", Integer.toString(ports.smtp()));
        }
        if (ProcessSpec.DIFFUSION.equals(name)) {
            // A local run's webhook receivers are on this machine; a production one only allows public addresses.
            env.put("CENTRALE_WEBHOOKS_DESTINATIONS_INTERNES", "true");
        }
        tomcatThreads(env);
        return env;
    }

    /** Fewer request threads: less memory, and a bound on the bodies held at once (see PROCESS_JVM_OPTIONS). */
    private static void tomcatThreads(Map<String, String> env) {
        env.put("SERVER_TOMCAT_THREADS_MAX", Integer.toString(SERVICE_WORKER_THREADS));
        env.put("SERVER_TOMCAT_THREADS_MIN_SPARE", "2");
    }

    Map<String, String> gatewayEnv() {
        Map<String, String> env = resourceServerEnv();
        env.put("CENTRALE_ROUTES_ADHESION_URI", url(ports.adhesion()));
        env.put("CENTRALE_ROUTES_MARCHE_URI", url(ports.marche()));
        env.put("CENTRALE_ROUTES_CATALOGUE_URI", url(ports.catalogue()));
        env.put("CENTRALE_ROUTES_DIFFUSION_URI", url(ports.diffusion()));
        return env;
    }

    private Map<String, String> resourceServerEnv() {
        Map<String, String> env = commonEnv();
        env.put("CENTRALE_ISSUER_URI", authServerUrl());
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", authServerUrl() + "/oauth2/jwks");
        return env;
    }

    private ProcessSpec spec(String name, int stage, String jar, int port, Map<String, String> env) {
        env.putAll(extraEnv);
        List<String> args = List.of("--spring.profiles.active=" + profile, "--server.port=" + port);
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(PROCESS_JVM_OPTIONS.getOrDefault(name, List.of()));
        return new ProcessSpec(name, stage, projectRoot.resolve(jar), port, options, args, env,
                URI.create(url(port) + "/actuator/health/readiness"), logDir().resolve(name + ".log"));
    }

    private static String url(int port) {
        return "http://localhost:" + port;
    }
}
