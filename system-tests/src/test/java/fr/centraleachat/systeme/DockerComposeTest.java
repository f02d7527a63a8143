package fr.centraleachat.systeme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so docker-compose.yml is checked against the code instead: every process is there,
 * on the port it listens on, with only environment variables it actually reads, healthchecks and start order.
 */
class DockerComposeTest {

    private static final Path RACINE = Path.of(System.getProperty("centrale.racine", "..")).toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]");
    /** Read by the JVM or by Spring Boot itself rather than by our configuration files. */
    private static final Set<String> LUES_PAR_LA_PLATEFORME = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void lireCompose() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(RACINE.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void declaresEveryProcessOfTheSystem() {
        assertThat(services).containsKeys("mongo", "kafka", "mailpit", "auth-server", "adhesion-service",
                "marche-service", "catalogue-service", "diffusion-service", "gateway");
    }

    @Test
    void marcheServiceSendsItsMailsToTheMailCatcherWhoseWebPageIsPublished() {
        @SuppressWarnings("unchecked")
        Map<String, Object> environnement = (Map<String, Object>) services.get("marche-service").get("environment");
        assertThat(environnement).containsEntry("SPRING_MAIL_HOST", "mailpit").containsEntry("SPRING_MAIL_PORT", "1025");
        assertThat(String.valueOf(services.get("mailpit").get("image"))).startsWith("axllent/mailpit:");
        assertThat(liste(services.get("mailpit").get("ports"))).contains("8025:8025");
        assertThat(services.get("mailpit")).containsKey("healthcheck");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth-server", "adhesion-service", "marche-service", "catalogue-service", "diffusion-service", "gateway"})
    void publishesThePortTheProcessListensOn(String module) throws IOException {
        String port = port(module);
        assertThat(port).as("server.port of " + module).matches("\\d+");
        assertThat(liste(services.get(module).get("ports"))).contains(port + ":" + port);
        assertThat(String.join(" ", liste(services.get(module).get("healthcheck") instanceof Map<?, ?> h ? h.get("test") : null)))
                .contains("localhost:" + port + "/actuator/health/readiness");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth-server", "adhesion-service", "marche-service", "catalogue-service", "diffusion-service", "gateway"})
    void setsOnlyEnvironmentVariablesTheProcessReads(String module) throws IOException {
        Set<String> lues = variablesLues(module);
        @SuppressWarnings("unchecked")
        Map<String, Object> environnement = (Map<String, Object>) services.get(module).get("environment");
        assertThat(environnement).as(module + " environment").isNotEmpty();
        for (String variable : environnement.keySet()) {
            assertThat(lues).as(module + " does not read " + variable).contains(variable);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"adhesion-service", "marche-service", "catalogue-service", "diffusion-service"})
    void businessServicesUseTheReplicaSetAndWaitForHealthyDependencies(String module) {
        @SuppressWarnings("unchecked")
        Map<String, Object> environnement = (Map<String, Object>) services.get(module).get("environment");
        assertThat(String.valueOf(environnement.get("SPRING_MONGODB_URI"))).contains("replicaSet=rs0");
        assertThat(String.valueOf(environnement.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))).isEqualTo("kafka:9092");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> dependances = (Map<String, Map<String, String>>) services.get(module).get("depends_on");
        assertThat(dependances).containsKeys("mongo", "kafka", "auth-server");
        dependances.values().forEach(d -> assertThat(d.get("condition")).isEqualTo("service_healthy"));
    }

    @Test
    void gatewayRoutesToTheServicesOnTheirPorts() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> environnement = (Map<String, Object>) services.get("gateway").get("environment");
        for (String service : List.of("adhesion", "marche", "catalogue", "diffusion")) {
            String port = port(service + "-service");
            assertThat(environnement.get("CENTRALE_ROUTES_" + service.toUpperCase() + "_URI"))
                    .isEqualTo("http://" + service + "-service:" + port);
        }
    }

    @Test
    void mongoRunsAsAnInitialisedSingleNodeReplicaSet() {
        assertThat(liste(services.get("mongo").get("command"))).contains("--replSet", "rs0");
        @SuppressWarnings("unchecked")
        Map<String, Object> sante = (Map<String, Object>) services.get("mongo").get("healthcheck");
        assertThat(String.join(" ", liste(sante.get("test")))).contains("rs.initiate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth-server", "adhesion-service", "marche-service", "catalogue-service", "diffusion-service", "gateway"})
    void buildsEachProcessFromItsModule(String module) {
        @SuppressWarnings("unchecked")
        Map<String, Object> build = (Map<String, Object>) services.get(module).get("build");
        @SuppressWarnings("unchecked")
        Map<String, String> arguments = (Map<String, String>) build.get("args");
        assertThat(arguments.get("MODULE")).isEqualTo(module);
        assertThat(RACINE.resolve(module).resolve("pom.xml")).exists();
        assertThat(RACINE.resolve("Dockerfile")).exists();
    }

    /** Environment variables the module's configuration reads: ${NAME} placeholders and relaxed-bound keys. */
    private static Set<String> variablesLues(String module) throws IOException {
        Set<String> lues = new HashSet<>(LUES_PAR_LA_PLATEFORME);
        for (Path fichier : fichiersDeConfiguration(module)) {
            String texte = Files.readString(fichier);
            Matcher m = PLACEHOLDER.matcher(texte);
            while (m.find()) {
                lues.add(m.group(1));
            }
            aplatir("", new Yaml().load(texte), lues);
        }
        return lues;
    }

    /** server.port of the module, or the default of its placeholder ({@code ${SERVER_PORT:8081}}). */
    private static String port(String module) throws IOException {
        Matcher m = Pattern.compile("(\\d+)}?$").matcher(String.valueOf(proprietes(module).get("server.port")));
        return m.find() ? m.group(1) : "absent";
    }

    private static Map<String, Object> proprietes(String module) throws IOException {
        Map<String, Object> plat = new java.util.LinkedHashMap<>();
        Path fichier = RACINE.resolve(module).resolve("src/main/resources/application.yml");
        aplatirValeurs("", new Yaml().load(Files.readString(fichier)), plat);
        return plat;
    }

    private static List<Path> fichiersDeConfiguration(String module) throws IOException {
        try (Stream<Path> fichiers = Stream.concat(
                Files.list(RACINE.resolve(module).resolve("src/main/resources")),
                Stream.of(RACINE.resolve("service-support/src/main/resources/centrale-service-defaults.yml")))) {
            return fichiers.filter(f -> f.getFileName().toString().matches("(application.*|centrale-service-defaults)\\.ya?ml"))
                    .filter(Files::exists).toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static void aplatir(String prefixe, Object noeud, Set<String> variables) {
        if (noeud instanceof Map<?, ?> map) {
            map.forEach((cle, valeur) -> aplatir(prefixe.isEmpty() ? String.valueOf(cle) : prefixe + "." + cle, valeur, variables));
        } else if (!prefixe.isEmpty()) {
            // Spring's relaxed binding: spring.mongodb.uri ← SPRING_MONGODB_URI
            variables.add(prefixe.toUpperCase().replace('.', '_').replace("-", ""));
        }
    }

    @SuppressWarnings("unchecked")
    private static void aplatirValeurs(String prefixe, Object noeud, Map<String, Object> plat) {
        if (noeud instanceof Map<?, ?> map) {
            map.forEach((cle, valeur) -> aplatirValeurs(prefixe.isEmpty() ? String.valueOf(cle) : prefixe + "." + cle, valeur, plat));
        } else {
            plat.put(prefixe, noeud);
        }
    }

    private static List<String> liste(Object valeur) {
        if (valeur instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return valeur == null ? List.of() : List.of(String.valueOf(valeur));
    }
}
