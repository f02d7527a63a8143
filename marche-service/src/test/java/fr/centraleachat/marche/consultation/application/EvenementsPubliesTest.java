package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.kernel.FamilleAchat;
import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.consultation.domain.Beneficiaires;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.ContenuConsultation;
import fr.centraleachat.marche.consultation.domain.CritereAttribution;
import fr.centraleachat.marche.consultation.domain.Criteres;
import fr.centraleachat.marche.consultation.domain.Lot;
import fr.centraleachat.marche.consultation.domain.Lots;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.journal.application.ActionEffectueeV1;
import fr.centraleachat.marche.journal.application.MessagesJournal;
import fr.centraleachat.marche.journal.domain.Auteur;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvenementsPubliesTest {

    private static final Instant PUBLICATION = Instant.parse("2026-12-01T09:00:00Z");
    private final JsonMapper json = JsonMapper.builder().build();
    private final FabriqueMessages fabrique = new FabriqueMessages(json, Clock.fixed(PUBLICATION, ZoneOffset.UTC));
    private final EvenementsPublies evenements = new EvenementsPublies(fabrique,
            new JournalisationConsultations(new MessagesJournal(fabrique)));
    private static final Auteur ACHETEUR = new Auteur("acheteur", List.of("ACHETEUR"));

    private static Consultation brouillon() {
        ContenuConsultation contenu = new ContenuConsultation("Fournitures de bureau", Nature.FOURNITURES,
                new CodeCpv("30192000-1"), FamilleAchat.FOURNITURES_ADMINISTRATIVES,
                Lots.de(new Lot(1, "Papier", Montant.de(150000), new CodeCpv("30197630-1")),
                        new Lot(2, "Petites fournitures", Montant.de(100000))),
                Criteres.de(new CritereAttribution("Prix", 60, TypeCritere.PRIX),
                        new CritereAttribution("Valeur technique", 40, TypeCritere.TECHNIQUE)),
                Instant.parse("2027-01-15T11:00:00Z"), Beneficiaires.de(new Siren("212102313")), DelaiReduit.NONE);
        return Consultation.creer(ConsultationId.nouveau(), contenu, "acheteur");
    }

    @Test
    void keepsCreationInsideTheServiceAndTellsOnlyTheJournal() {
        List<MessageSortant> messages = evenements.messages(brouillon(), PUBLICATION, ACHETEUR);

        assertThat(messages).extracting(MessageSortant::topic).containsExactly(ActionEffectueeV1.TOPIC);
        assertThat(messages.get(0).type()).isEqualTo(ActionEffectueeV1.TYPE);
        assertThat(json.readTree(messages.get(0).donnees()).get("action").asString()).isEqualTo("CREATION");
    }

    @Test
    void publishesTheWholeConsultationWithItsProcedure() {
        Consultation consultation = brouillon();
        consultation.effacerEvenements();
        consultation.publier(PUBLICATION, GrilleDesSeuils.parDefaut(), new DelaisReglementaires());

        List<MessageSortant> messages = evenements.messages(consultation, PUBLICATION, ACHETEUR);

        assertThat(messages).extracting(MessageSortant::topic).containsExactly("centrale.marche.v1",
                ActionEffectueeV1.TOPIC);
        MessageSortant message = messages.get(0);
        assertThat(message.type()).isEqualTo(Evenements.CONSULTATION_PUBLIEE.ceType());
        assertThat(message.topic()).isEqualTo("centrale.marche.v1");
        assertThat(message.sujet()).isEqualTo(consultation.id().toString());
        JsonNode donnees = json.readTree(message.donnees());
        assertThat(donnees.get("procedure").asString()).isEqualTo("APPEL_OFFRES_OUVERT");
        assertThat(donnees.get("valeurEstimeeTotale").decimalValue()).isEqualByComparingTo("250000");
        assertThat(donnees.get("lots").get(1).get("cpv").asString()).as("a lot without CPV has the main one")
                .isEqualTo("30192000-1");
        assertThat(donnees.get("criteres").get(1).get("ponderation").asInt()).isEqualTo(40);
        assertThat(donnees.get("beneficiaires").get(0).asString()).isEqualTo("212102313");
    }

    @Test
    void announcesClosingAndSansSuiteButNotTheOpeningOfBids() {
        Consultation consultation = brouillon();
        consultation.publier(PUBLICATION, GrilleDesSeuils.parDefaut(), new DelaisReglementaires());
        consultation.effacerEvenements();
        Instant apresDlro = Instant.parse("2027-01-16T08:00:00Z");
        consultation.cloturer(apresDlro);
        consultation.ouvrirLesPlis();
        consultation.declarerSansSuite("Offres inacceptables");

        List<MessageSortant> messages = evenements.messages(consultation, apresDlro, ACHETEUR).stream()
                .filter(m -> !m.topic().equals(ActionEffectueeV1.TOPIC)).toList();

        assertThat(messages).extracting(MessageSortant::type).containsExactly(
                Evenements.CONSULTATION_CLOTUREE.ceType(), Evenements.CONSULTATION_SANS_SUITE.ceType());
        assertThat(json.readTree(messages.get(0).donnees()).get("dateCloture").asString())
                .isEqualTo("2027-01-16T08:00:00Z");
        assertThat(json.readTree(messages.get(1).donnees()).get("raison").asString()).isEqualTo("Offres inacceptables");
    }

    @Test
    void followsEachPublicEventWithItsJournalMessageInTheOrderOfTheEvents() {
        Consultation consultation = brouillon();
        consultation.publier(PUBLICATION, GrilleDesSeuils.parDefaut(), new DelaisReglementaires());
        consultation.cloturer(Instant.parse("2027-01-16T08:00:00Z"));
        consultation.ouvrirLesPlis();

        List<MessageSortant> messages = evenements.messages(consultation, PUBLICATION, ACHETEUR);

        assertThat(messages).extracting(MessageSortant::type).containsExactly(
                ActionEffectueeV1.TYPE,
                Evenements.CONSULTATION_PUBLIEE.ceType(), ActionEffectueeV1.TYPE,
                Evenements.CONSULTATION_CLOTUREE.ceType(), ActionEffectueeV1.TYPE,
                ActionEffectueeV1.TYPE);
        assertThat(messages).filteredOn(m -> m.topic().equals(ActionEffectueeV1.TOPIC))
                .extracting(m -> json.readTree(m.donnees()).get("action").asString())
                .containsExactly("CREATION", "PUBLICATION", "CLOTURE", "OUVERTURE_DES_PLIS");
        assertThat(messages).allSatisfy(m -> assertThat(m.sujet()).isEqualTo(consultation.id().toString()));
    }

    @Test
    void journalsASansSuiteWithItsReasonAndTheStateItLeft() {
        Consultation consultation = brouillon();
        consultation.effacerEvenements();
        consultation.declarerSansSuite("Besoin disparu");

        List<MessageSortant> messages = evenements.messages(consultation, PUBLICATION, ACHETEUR);

        assertThat(messages).singleElement().satisfies(m -> {
            JsonNode donnees = json.readTree(m.donnees());
            assertThat(donnees.get("action").asString()).isEqualTo("SANS_SUITE");
            assertThat(donnees.get("resume").asString()).isEqualTo("BROUILLON → SANS_SUITE ; raison : « Besoin disparu »");
            assertThat(donnees.get("acteur").asString()).isEqualTo("acheteur");
        });
    }

    @Test
    void announcesARectificatifWithTheDlroNowInForceAndJournalsIt() {
        Consultation consultation = brouillon();
        consultation.publier(PUBLICATION, GrilleDesSeuils.parDefaut(), new DelaisReglementaires());
        consultation.effacerEvenements();
        Instant rectificatif = Instant.parse("2026-12-10T09:00:00Z");
        consultation.rectifier("r-1", "Quantités revues", Instant.parse("2027-01-25T11:00:00Z"), null, true,
                rectificatif, new DelaisReglementaires());

        List<MessageSortant> messages = evenements.messages(consultation, rectificatif, ACHETEUR);

        assertThat(messages).extracting(MessageSortant::type)
                .containsExactly(Evenements.CONSULTATION_RECTIFIEE.ceType(), ActionEffectueeV1.TYPE);
        assertThat(json.readTree(messages.get(1).donnees()).get("resume").asString())
                .startsWith("Rectificatif n° 1 substantiel ; raison : « Quantités revues »").contains(" → ");
        assertThat(messages.get(0).topic()).isEqualTo("centrale.marche.v1");
        JsonNode donnees = json.readTree(messages.get(0).donnees());
        assertThat(donnees.get("consultationId").asString()).isEqualTo(consultation.id().toString());
        assertThat(donnees.get("numero").asInt()).isEqualTo(1);
        assertThat(donnees.get("raison").asString()).isEqualTo("Quantités revues");
        assertThat(donnees.get("substantiel").asBoolean()).isTrue();
        assertThat(donnees.get("dlro").asString()).isEqualTo("2027-01-25T11:00:00Z");
        assertThat(donnees.get("dlroPrecedente").asString()).isEqualTo("2027-01-15T11:00:00Z");
        assertThat(donnees.get("date").asString()).isEqualTo("2026-12-10T09:00:00Z");
    }
}
