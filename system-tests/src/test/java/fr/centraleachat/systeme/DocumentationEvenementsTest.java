package fr.centraleachat.systeme;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.Topic;
import fr.centraleachat.contracts.TypeEvenement;
import fr.centraleachat.contracts.schema.GenerateurSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The events as the README's table, the AsyncAPI document and the producing service's README list them: the same
 * names, topic by topic, as the catalogue of contracts ({@code Evenements}). A new event documented in one place
 * only fails here.
 */
class DocumentationEvenementsTest {

    private static final Path RACINE = Path.of(System.getProperty("centrale.racine", "..")).toAbsolutePath().normalize();
    private static final Pattern NOM = Pattern.compile("`([A-Z][A-Za-z]+)`");

    private static Set<String> contrats(Topic topic) {
        return Evenements.TOUS.stream().filter(t -> t.topic() == topic).map(TypeEvenement::nom)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void theReadmeTableListsExactlyTheEventsOfEachTopic(Topic topic) throws IOException {
        String ligne = Files.readAllLines(RACINE.resolve("README.md")).stream()
                .filter(l -> l.startsWith("| `" + topic.nom() + "`")).findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no row for " + topic.nom()));
        String evenements = ligne.split("\\|")[2];
        Set<String> documentes = new TreeSet<>();
        Matcher m = NOM.matcher(evenements);
        while (m.find()) {
            documentes.add(m.group(1));
        }
        assertThat(documentes).as("events of " + topic.nom() + " in README.md").isEqualTo(contrats(topic));
        assertThat(ligne).as("the journal consumes every public topic").contains("diffusion-service");
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    @SuppressWarnings("unchecked")
    void theAsyncApiDocumentHasOneMessagePerEventVersionOnItsTopic(Topic topic) {
        Map<String, Object> document = GenerateurSchemas.asyncApi("http://localhost:8080", "localhost:9092");
        Map<String, Object> canal = (Map<String, Object>) ((Map<String, Object>) document.get("channels"))
                .get(topic.famille());
        assertThat(canal.get("address")).isEqualTo(topic.nom());
        Set<String> messages = ((Map<String, Object>) canal.get("messages")).keySet();
        assertThat(messages).containsExactlyInAnyOrderElementsOf(Evenements.TOUS.stream()
                .filter(t -> t.topic() == topic).map(GenerateurSchemas::idMessage).toList());
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void theProducingServiceReadmeDescribesEachOfItsEvents(Topic topic) throws IOException {
        String readme = Files.readString(RACINE.resolve(topic.famille() + "-service").resolve("README.md"));
        int debut = readme.indexOf("\n## Events");
        assertThat(debut).as(topic.famille() + "-service/README.md has an Events section").isPositive();
        int fin = readme.indexOf("\n## ", debut + 1);
        String section = fin < 0 ? readme.substring(debut) : readme.substring(debut, fin);
        for (String nom : contrats(topic)) {
            assertThat(section).as(topic.famille() + "-service/README.md, Events section").contains(nom);
        }
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void theDiffusionServiceReadmeNamesEveryTopicItJournals(Topic topic) throws IOException {
        assertThat(Files.readString(RACINE.resolve("diffusion-service/README.md"))).contains(topic.nom());
    }
}
