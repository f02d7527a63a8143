package fr.centraleachat.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.contracts.adhesion.AdhesionActiveeV1;
import fr.centraleachat.contracts.marche.ConsultationPublieeV1;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class EvenementsTest {

    @Test
    void everyTypeHasAUniqueVersionedCloudEventsType() {
        List<String> types = Evenements.TOUS.stream().map(TypeEvenement::ceType).toList();
        assertThat(new HashSet<>(types)).hasSameSizeAs(types);
        assertThat(Evenements.ADHESION_ACTIVEE.ceType()).isEqualTo("fr.centraleachat.adhesion.AdhesionActivee.v1");
        assertThat(Evenements.parCeType("fr.centraleachat.marche.ConsultationPubliee.v1"))
                .contains(Evenements.CONSULTATION_PUBLIEE);
        assertThat(Evenements.parCeType("fr.centraleachat.marche.Inconnu.v1")).isEmpty();
        assertThat(Evenements.parCeType("fr.centraleachat.marche.ConsultationRectifiee.v1"))
                .contains(Evenements.CONSULTATION_RECTIFIEE);
        assertThat(Evenements.CONSULTATION_RECTIFIEE.topic()).isEqualTo(Topic.MARCHE);
    }

    @Test
    void aQuestionAskedCarriesNothingThatCouldNameItsAuthor() {
        List<String> champs = java.util.Arrays.stream(Evenements.QUESTION_POSEE.payload().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
        assertThat(champs).containsExactly("consultationId", "numero", "date");
    }

    @Test
    void payloadToleratesUnknownFieldsAddedByNewerProducers() {
        JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        String json = """
                {"adhesionId":"a1","siren":"212106173","nomMembre":"Talant","typeMembre":"COMMUNE",
                 "famillesAchat":["FOURNITURES_BUREAU"],"missions":"PASSATION","numeroDeliberation":"2026-12",
                 "dateDeliberation":"2026-10-01","dateEffet":"2026-11-01","champAjouteEnV1_1":"ignored"}
                """;
        AdhesionActiveeV1 evt = mapper.readValue(json, AdhesionActiveeV1.class);
        assertThat(evt.siren()).isEqualTo("212106173");
        assertThat(evt.dateEffet()).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void publicationReadBeforeThePublicityFlagWasAddedLeavesItUnknown() {
        JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        String ancienne = """
                {"consultationId":"c1","objet":"Papier","nature":"FOURNITURES","cpvPrincipal":"30192000-1",
                 "procedure":"MAPA","valeurEstimeeTotale":95000,"datePublication":"2026-12-01T09:00:00Z",
                 "dlro":"2027-01-15T11:00:00Z","lots":[],"criteres":[],"beneficiaires":["212106173"]}
                """;
        ConsultationPublieeV1 lue = mapper.readValue(ancienne, ConsultationPublieeV1.class);
        assertThat(lue.publiciteBoampOuJalRequise()).isNull();

        ConsultationPublieeV1 nouvelle = mapper.readValue(ancienne.replace("\"beneficiaires\"",
                "\"publiciteBoampOuJalRequise\":true,\"beneficiaires\""), ConsultationPublieeV1.class);
        assertThat(nouvelle.publiciteBoampOuJalRequise()).isTrue();
        assertThat(nouvelle.beneficiaires()).containsExactly("212106173");
    }
}
