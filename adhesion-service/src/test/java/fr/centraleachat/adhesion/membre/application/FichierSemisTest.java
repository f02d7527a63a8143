package fr.centraleachat.adhesion.membre.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.kernel.CodeInsee;
import fr.centraleachat.kernel.Siren;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FichierSemisTest {

    private static final List<String> COMMUNES = List.of("Ahuy", "Bressey-sur-Tille", "Bretenière", "Chenôve",
            "Chevigny-Saint-Sauveur", "Corcelles-les-Monts", "Daix", "Dijon", "Fénay", "Flavignerot",
            "Fontaine-lès-Dijon", "Hauteville-lès-Dijon", "Longvic", "Magny-sur-Tille", "Marsannay-la-Côte",
            "Neuilly-Crimolois", "Ouges", "Perrigny-lès-Dijon", "Plombières-lès-Dijon", "Quetigny", "Saint-Apollinaire",
            "Sennecey-lès-Dijon", "Talant");

    private JsonNode lire() throws Exception {
        try (InputStream flux = getClass().getResourceAsStream("/seed/membres-dijon-metropole.json")) {
            return JsonMapper.builder().build().readTree(flux);
        }
    }

    @Test
    void listsTheMetropoleAndExactlyItsTwentyThreeCommunes() throws Exception {
        JsonNode semis = lire();
        List<String> communes = new ArrayList<>();
        String metropole = null;
        for (JsonNode membre : semis.get("membres")) {
            if ("COMMUNE".equals(membre.get("type").asString())) {
                communes.add(membre.get("nom").asString());
            } else if ("METROPOLE".equals(membre.get("type").asString())) {
                metropole = membre.get("siren").asString();
            }
        }
        assertThat(communes).containsExactlyElementsOf(COMMUNES);
        assertThat(metropole).isEqualTo("242100410");
    }

    @Test
    void flagsEveryIdentifierAsUnverifiedWithAWarning() throws Exception {
        JsonNode semis = lire();

        assertThat(semis.get("avertissement").asString()).contains("SIRENE");
        for (JsonNode membre : semis.get("membres")) {
            assertThat(membre.get("identifiantsAVerifier").asBoolean()).as(membre.toString()).isTrue();
        }
    }

    @Test
    void everyIdentifierIsWellFormedAndUnique() throws Exception {
        List<String> sirens = new ArrayList<>();
        for (JsonNode membre : lire().get("membres")) {
            sirens.add(new Siren(membre.get("siren").asString()).valeur());
            if (membre.has("codeInsee")) {
                new CodeInsee(membre.get("codeInsee").asString());
            }
        }
        assertThat(sirens).doesNotHaveDuplicates().contains("212102313", "212106173");
    }
}
