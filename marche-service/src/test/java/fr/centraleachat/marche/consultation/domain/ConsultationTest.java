package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static fr.centraleachat.marche.consultation.domain.Exemples.ACHETEUR;
import static fr.centraleachat.marche.consultation.domain.Exemples.DLRO;
import static fr.centraleachat.marche.consultation.domain.Exemples.FOURNITURES_DE_BUREAU;
import static fr.centraleachat.marche.consultation.domain.Exemples.PUBLICATION;
import static fr.centraleachat.marche.consultation.domain.Exemples.contenu;
import static fr.centraleachat.marche.consultation.domain.Exemples.paris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsultationTest {

    private static final GrilleDesSeuils SEUILS = GrilleDesSeuils.parDefaut();
    private static final DelaisReglementaires DELAIS = new DelaisReglementaires();

    @Test
    void cree_un_brouillon_et_enregistre_consultation_creee() {
        ConsultationId id = ConsultationId.nouveau();
        Consultation consultation = Consultation.creer(id, contenu(), ACHETEUR);

        assertThat(consultation.statut()).isEqualTo(StatutConsultation.BROUILLON);
        assertThat(consultation.objet()).isEqualTo("Fournitures de bureau pour les membres");
        assertThat(consultation.valeurEstimeeTotale()).isEqualTo(Montant.de(150_000));
        assertThat(consultation.delaiReduit()).isEqualTo(DelaiReduit.NONE);
        assertThat(consultation.procedure()).isEmpty();
        assertThat(consultation.datePublication()).isEmpty();
        assertThat(consultation.raisonSansSuite()).isEmpty();
        assertThat(consultation.version()).isZero();
        assertThat(consultation.evenementsEnAttente()).containsExactly(new ConsultationCreee(id,
                "Fournitures de bureau pour les membres", Nature.FOURNITURES, FOURNITURES_DE_BUREAU,
                Montant.de(150_000), ACHETEUR));
    }

    @Test
    void refuse_une_creation_sans_acheteur() {
        assertThatThrownBy(() -> Consultation.creer(ConsultationId.nouveau(), contenu(), " "))
                .isInstanceOf(ValeurInvalideException.class)
                .hasFieldOrPropertyWithValue("champ", "acheteur");
    }

    @Test
    void refusesCreatingOrChangingADraftWithoutFamilleAchat() {
        ContenuConsultation valide = contenu();
        ContenuConsultation sansFamille = new ContenuConsultation(valide.objet(), valide.nature(), valide.cpvPrincipal(),
                null, valide.lots(), valide.criteres(), valide.dlro(), valide.beneficiaires(), null);
        assertThatThrownBy(() -> Consultation.creer(ConsultationId.nouveau(), sansFamille, "acheteur"))
                .isInstanceOf(ValeurInvalideException.class)
                .hasFieldOrPropertyWithValue("champ", "familleAchat");
        Consultation brouillon = Consultation.creer(ConsultationId.nouveau(), valide, "acheteur");
        assertThatThrownBy(() -> brouillon.modifierBrouillon(sansFamille))
                .hasFieldOrPropertyWithValue("champ", "familleAchat");
        assertThat(brouillon.contenu().familleAchat()).isEqualTo(FamilleAchat.FOURNITURES_ADMINISTRATIVES);
    }

    @Test
    void valide_le_contenu() {
        ContenuConsultation valide = contenu();
        assertThatThrownBy(() -> new ContenuConsultation(" ", valide.nature(), valide.cpvPrincipal(), FamilleAchat.FOURNITURES_ADMINISTRATIVES, valide.lots(),
                valide.criteres(), valide.dlro(), valide.beneficiaires(), null))
                .hasFieldOrPropertyWithValue("champ", "objet")
                .hasMessage("L'objet de la consultation est obligatoire.");
        assertThatThrownBy(() -> new ContenuConsultation("x".repeat(301), valide.nature(), valide.cpvPrincipal(), FamilleAchat.FOURNITURES_ADMINISTRATIVES,
                valide.lots(), valide.criteres(), valide.dlro(), valide.beneficiaires(), null))
                .hasMessage("L'objet de la consultation ne doit pas dépasser 300 caractères (301 reçus).");
        assertThatThrownBy(() -> new ContenuConsultation("Objet", null, valide.cpvPrincipal(), FamilleAchat.FOURNITURES_ADMINISTRATIVES, valide.lots(),
                valide.criteres(), valide.dlro(), valide.beneficiaires(), null))
                .hasFieldOrPropertyWithValue("champ", "nature");
        assertThatThrownBy(() -> new ContenuConsultation("Objet", valide.nature(), valide.cpvPrincipal(), FamilleAchat.FOURNITURES_ADMINISTRATIVES, null,
                valide.criteres(), valide.dlro(), valide.beneficiaires(), null))
                .hasFieldOrPropertyWithValue("champ", "lots");
        assertThatThrownBy(() -> new ContenuConsultation("Objet", valide.nature(), valide.cpvPrincipal(), FamilleAchat.FOURNITURES_ADMINISTRATIVES, valide.lots(),
                valide.criteres(), null, valide.beneficiaires(), null))
                .hasFieldOrPropertyWithValue("champ", "dlro");
        assertThat(new ContenuConsultation(" Objet ", valide.nature(), valide.cpvPrincipal(), FamilleAchat.FOURNITURES_ADMINISTRATIVES, valide.lots(),
                valide.criteres(), valide.dlro(), valide.beneficiaires(), null))
                .returns("Objet", ContenuConsultation::objet)
                .returns(DelaiReduit.NONE, ContenuConsultation::delaiReduit);
    }

    @ParameterizedTest(name = "{0} {1} publié {2} → {3}")
    @CsvSource({
            "FOURNITURES, 39999,          2025-11-03T10:00, DISPENSE,            false",
            "FOURNITURES, 30000 10000,    2025-11-03T10:00, MAPA,                false",
            "FOURNITURES, 30000 20000,    2026-03-31T10:00, MAPA,                false",
            "FOURNITURES, 30000 20000,    2026-04-01T10:00, DISPENSE,            false",
            "SERVICES,    59999 1,        2026-04-01T10:00, MAPA,                false",
            "SERVICES,    100000 50000,   2026-04-01T10:00, MAPA,                true",
            "SERVICES,    200000 16000,   2025-11-03T10:00, MAPA,                true",
            "SERVICES,    200000 16000,   2026-04-01T10:00, APPEL_OFFRES_OUVERT, false",
            "TRAVAUX,     99999,          2026-04-01T10:00, DISPENSE,            false",
            "TRAVAUX,     5000000 500000, 2025-11-03T10:00, MAPA,                true",
            "TRAVAUX,     5000000 500000, 2026-04-01T10:00, APPEL_OFFRES_OUVERT, false",
    })
    void derive_la_procedure_de_la_valeur_totale_des_lots_a_la_date_de_publication(
            Nature nature, String montants, String publication, Procedure attendue, boolean publicite) {
        long[] lots = Arrays.stream(montants.split(" ")).mapToLong(Long::parseLong).toArray();
        Consultation consultation = Consultation.creer(ConsultationId.nouveau(), contenu(nature, DLRO, lots), ACHETEUR);
        consultation.effacerEvenements();

        consultation.publier(paris(publication), SEUILS, DELAIS);

        assertThat(consultation.statut()).isEqualTo(StatutConsultation.PUBLIEE);
        assertThat(consultation.procedure()).contains(attendue);
        assertThat(consultation.datePublication()).contains(paris(publication));
        assertThat(consultation.evenementsEnAttente()).singleElement()
                .isInstanceOfSatisfying(ConsultationPubliee.class, e -> {
                    assertThat(e.procedure()).isEqualTo(attendue);
                    assertThat(e.valeurEstimeeTotale()).isEqualTo(Montant.de(Arrays.stream(lots).sum()));
                    assertThat(e.publiciteBoampOuJalRequise()).isEqualTo(publicite);
                });
    }

    @Test
    void lit_la_date_de_lancement_a_paris() {
        // 22:30 UTC on 31 March 2026 is already 1 April in Paris: the 60 000 dispense threshold applies
        Consultation consultation = Consultation.creer(ConsultationId.nouveau(),
                contenu(Nature.FOURNITURES, DLRO, 30_000, 20_000), ACHETEUR);

        consultation.publier(Instant.parse("2026-03-31T22:30:00Z"), SEUILS, DELAIS);

        assertThat(consultation.procedure()).contains(Procedure.DISPENSE);
    }

    @Test
    void enregistre_consultation_publiee_avec_tous_ses_champs() {
        Consultation consultation = Exemples.brouillon();

        consultation.publier(PUBLICATION, SEUILS, DELAIS);

        assertThat(consultation.evenementsEnAttente()).containsExactly(new ConsultationPubliee(consultation.id(),
                Procedure.MAPA, Montant.de(150_000), true, PUBLICATION, DLRO, List.of()));
    }

    @Test
    void refuse_un_appel_d_offres_dont_la_dlro_est_trop_proche_et_reste_en_brouillon() {
        Consultation consultation = Consultation.creer(ConsultationId.nouveau(),
                contenu(Nature.SERVICES, paris("2026-05-29T12:00"), 150_000, 100_000), ACHETEUR);
        consultation.effacerEvenements();

        assertThatThrownBy(() -> consultation.publier(PUBLICATION, SEUILS, DELAIS))
                .isInstanceOf(RegleMetierException.class)
                .hasFieldOrPropertyWithValue("champ", "dlro")
                .hasMessageContaining("(29/05/2026) ne laisse que 25 jours après la publication du 04/05/2026")
                .hasMessageContaining("minimum légal de 30 jours")
                .hasMessageEndingWith("au plus tôt le 03/06/2026.");
        assertThat(consultation.statut()).isEqualTo(StatutConsultation.BROUILLON);
        assertThat(consultation.procedure()).isEmpty();
        assertThat(consultation.evenementsEnAttente()).isEmpty();
    }

    @Test
    void accepte_15_jours_pour_un_appel_d_offres_avec_avis_prealable() {
        ContenuConsultation base = contenu(Nature.SERVICES, paris("2026-05-19T12:00"), 150_000, 100_000);
        ContenuConsultation avecAvis = new ContenuConsultation(base.objet(), base.nature(), base.cpvPrincipal(), FamilleAchat.FOURNITURES_ADMINISTRATIVES,
                base.lots(), base.criteres(), base.dlro(), base.beneficiaires(), DelaiReduit.AVIS_PREALABLE);
        Consultation consultation = Consultation.creer(ConsultationId.nouveau(), avecAvis, ACHETEUR);

        consultation.publier(PUBLICATION, SEUILS, DELAIS);

        assertThat(consultation.procedure()).contains(Procedure.APPEL_OFFRES_OUVERT);
    }

    @Test
    void publie_un_mapa_court_avec_un_avertissement() {
        Consultation consultation = Consultation.creer(ConsultationId.nouveau(),
                contenu(Nature.FOURNITURES, paris("2026-05-12T12:00"), 100_000), ACHETEUR);
        consultation.effacerEvenements();

        consultation.publier(PUBLICATION, SEUILS, DELAIS);

        assertThat(consultation.evenementsEnAttente()).singleElement()
                .isInstanceOfSatisfying(ConsultationPubliee.class, e -> assertThat(e.avertissements())
                        .singleElement().asString().contains("n'est que de 8 jours"));
    }

    @Test
    void refuse_de_publier_une_dlro_deja_passee() {
        Consultation consultation = Exemples.brouillon();

        assertThatThrownBy(() -> consultation.publier(DLRO.plusSeconds(3600), SEUILS, DELAIS))
                .isInstanceOf(RegleMetierException.class)
                .hasMessageContaining("doit être postérieure à la publication");
        assertThat(consultation.statut()).isEqualTo(StatutConsultation.BROUILLON);
    }

    @Test
    void expose_des_vues_immuables_et_vide_les_evenements_sur_demande() {
        Consultation consultation = Consultation.creer(ConsultationId.nouveau(), contenu(), ACHETEUR);

        assertThatThrownBy(() -> consultation.evenementsEnAttente().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> consultation.lots().liste().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> consultation.criteres().liste().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> consultation.beneficiaires().membres().clear()).isInstanceOf(UnsupportedOperationException.class);

        consultation.effacerEvenements();
        assertThat(consultation.evenementsEnAttente()).isEmpty();
    }

    @Test
    void reconstitue_sans_evenement() {
        ConsultationId id = ConsultationId.nouveau();
        Consultation consultation = Consultation.reconstituer(id, contenu(), ACHETEUR, StatutConsultation.EN_ANALYSE,
                Procedure.MAPA, PUBLICATION, true, null, 12);

        assertThat(consultation.evenementsEnAttente()).isEmpty();
        assertThat(consultation.version()).isEqualTo(12);
        assertThat(consultation.procedure()).contains(Procedure.MAPA);
        assertThat(consultation).isEqualTo(Consultation.reconstituer(id, contenu(), ACHETEUR, StatutConsultation.BROUILLON,
                null, null, null, null, 0));
    }

    @Test
    void lit_un_identifiant_texte() {
        ConsultationId id = ConsultationId.nouveau();
        assertThat(ConsultationId.de(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> ConsultationId.de("pas-un-uuid"))
                .isInstanceOf(ValeurInvalideException.class)
                .hasMessage("L'identifiant de consultation « pas-un-uuid » est invalide.");
    }
}
