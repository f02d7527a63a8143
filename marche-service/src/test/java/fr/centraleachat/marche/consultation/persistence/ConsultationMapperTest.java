package fr.centraleachat.marche.consultation.persistence;

import fr.centraleachat.kernel.FamilleAchat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.consultation.application.FicheConsultation;
import fr.centraleachat.marche.consultation.domain.Beneficiaires;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.ContenuConsultation;
import fr.centraleachat.marche.consultation.domain.CritereAttribution;
import fr.centraleachat.marche.consultation.domain.Criteres;
import fr.centraleachat.marche.consultation.domain.Lot;
import fr.centraleachat.marche.consultation.domain.Lots;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsultationMapperTest {

    static ContenuConsultation contenu() {
        return new ContenuConsultation("Fournitures de bureau", Nature.FOURNITURES, new CodeCpv("30192000-1"), FamilleAchat.FOURNITURES_ADMINISTRATIVES,
                Lots.de(new Lot(1, "Papier", Montant.de("150000.50"), new CodeCpv("30197630-1")),
                        new Lot(2, "Petites fournitures", Montant.de(100000), null,
                                Criteres.de(new CritereAttribution("Prix", 70, TypeCritere.PRIX),
                                        new CritereAttribution("Délai de livraison", 30, TypeCritere.AUTRE)))),
                Criteres.de(new CritereAttribution("Prix", 60, TypeCritere.PRIX),
                        new CritereAttribution("Valeur technique", 40, TypeCritere.TECHNIQUE)),
                Instant.parse("2027-01-15T11:00:00Z"),
                Beneficiaires.de(new Siren("212102313"), new Siren("212106173")), DelaiReduit.NONE);
    }

    @Test
    void keepsEveryFieldOfAPublishedConsultationThroughStorage() {
        Consultation consultation = Consultation.creer(ConsultationId.nouveau(), contenu(), "acheteur");
        consultation.publier(Instant.parse("2026-12-01T09:00:00Z"), GrilleDesSeuils.parDefaut(), new DelaisReglementaires());

        ConsultationDocument document = ConsultationMapper.versDocument(consultation, List.of("attention"));
        FicheConsultation relue = ConsultationMapper.versFiche(document);

        Consultation c = relue.consultation();
        assertThat(c.id()).isEqualTo(consultation.id());
        assertThat(c.contenu()).isEqualTo(consultation.contenu());
        assertThat(c.statut()).isEqualTo(StatutConsultation.PUBLIEE);
        assertThat(c.procedure()).contains(Procedure.APPEL_OFFRES_OUVERT);
        assertThat(c.datePublication()).contains(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(c.acheteur()).isEqualTo("acheteur");
        assertThat(c.publiciteBoampOuJalRequise()).contains(false);
        assertThat(c.evenementsEnAttente()).isEmpty();
        assertThat(relue.avertissements()).containsExactly("attention");
        assertThat(document.lots().get(0).montantEstime()).isEqualTo("150000.50");
        assertThat(document.lots().get(1).cpv()).isNull();
        assertThat(document.lots().get(0).criteres()).isNull();
        assertThat(c.lots().liste().get(1).criteresOu(c.criteres()).liste())
                .extracting(CritereAttribution::libelle).containsExactly("Prix", "Délai de livraison");
        assertThat(c.lots().liste().get(0).criteresOu(c.criteres())).isEqualTo(c.criteres());
    }

    @Test
    void keepsTheRectificatifsInOrderWithTheDatesTheySet() {
        Consultation consultation = Consultation.creer(ConsultationId.nouveau(), contenu(), "acheteur");
        consultation.publier(Instant.parse("2026-12-01T09:00:00Z"), GrilleDesSeuils.parDefaut(), new DelaisReglementaires());
        consultation.rectifier("r-1", "Coquille dans le CCTP", null, Instant.parse("2027-01-05T11:00:00Z"), false,
                Instant.parse("2026-12-02T09:00:00Z"), new DelaisReglementaires());
        consultation.rectifier("r-2", "Quantités revues", Instant.parse("2027-02-01T11:00:00Z"), null, true,
                Instant.parse("2026-12-03T09:00:00Z"), new DelaisReglementaires());

        Consultation relue = ConsultationMapper.versFiche(ConsultationMapper.versDocument(consultation, List.of()))
                .consultation();

        assertThat(relue.rectificatifs()).isEqualTo(consultation.rectificatifs());
        assertThat(relue.rectificatifs()).extracting(r -> r.numero()).containsExactly(1, 2);
        assertThat(relue.dlro()).isEqualTo(Instant.parse("2027-02-01T11:00:00Z"));
        assertThat(relue.contenu().dateLimiteQuestions()).isEqualTo(Instant.parse("2027-01-05T11:00:00Z"));
        assertThat(relue.dernierRectificatifSubstantiel()).contains(Instant.parse("2026-12-03T09:00:00Z"));
    }

    @Test
    void readsADraftStoredBeforeFamilleAchatExistedAndKeepsItAbsent() {
        ConsultationDocument document = ConsultationMapper.versDocument(
                Consultation.creer(ConsultationId.nouveau(), contenu(), "acheteur"), List.of());
        assertThat(document.familleAchat()).isEqualTo("FOURNITURES_ADMINISTRATIVES");
        ConsultationDocument ancien = new ConsultationDocument(document.id(), document.acheteur(), document.objet(),
                document.nature(), document.cpvPrincipal(), null, document.lots(), document.criteres(),
                document.dlro(), document.beneficiaires(), document.delaiReduit(), null, "BROUILLON", null, null, null,
                null, List.of(), null, null, null, null, 1);

        assertThat(ConsultationMapper.versFiche(ancien).consultation().contenu().familleAchat()).isNull();
    }

    @Test
    void refusesAStoredConsultationThatBreaksTheDomainRules() {
        ConsultationDocument document = ConsultationMapper.versDocument(
                Consultation.creer(ConsultationId.nouveau(), contenu(), "acheteur"), List.of());
        ConsultationDocument publieeSansProcedure = new ConsultationDocument(document.id(), document.acheteur(),
                document.objet(), document.nature(), document.cpvPrincipal(), document.familleAchat(), document.lots(),
                document.criteres(),
                document.dlro(), document.beneficiaires(), document.delaiReduit(), null, "PUBLIEE", null, null, null,
                null, List.of(), null, null, null, null, 3);

        assertThatThrownBy(() -> ConsultationMapper.versFiche(publieeSansProcedure))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without procedure");
    }
}
