package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static fr.centraleachat.marche.consultation.domain.Exemples.ACHETEUR;
import static fr.centraleachat.marche.consultation.domain.Exemples.DLRO;
import static fr.centraleachat.marche.consultation.domain.Exemples.PUBLICATION;
import static fr.centraleachat.marche.consultation.domain.Exemples.contenu;
import static fr.centraleachat.marche.consultation.domain.StatutConsultation.ATTRIBUEE;
import static fr.centraleachat.marche.consultation.domain.StatutConsultation.BROUILLON;
import static fr.centraleachat.marche.consultation.domain.StatutConsultation.CLOTUREE;
import static fr.centraleachat.marche.consultation.domain.StatutConsultation.EN_ANALYSE;
import static fr.centraleachat.marche.consultation.domain.StatutConsultation.NOTIFIEE;
import static fr.centraleachat.marche.consultation.domain.StatutConsultation.PUBLIEE;
import static fr.centraleachat.marche.consultation.domain.StatutConsultation.SANS_SUITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsultationTransitionsTest {

    private static final GrilleDesSeuils SEUILS = GrilleDesSeuils.parDefaut();
    private static final DelaisReglementaires DELAIS = new DelaisReglementaires();

    /** Every business step, the states it may start from, where it leads and what it records. */
    enum Etape {
        MODIFIER_BROUILLON(c -> c.modifierBrouillon(contenu(Nature.SERVICES, DLRO, 80_000)),
                Set.of(BROUILLON), BROUILLON, ConsultationModifiee.class),
        PUBLIER(c -> c.publier(PUBLICATION, SEUILS, DELAIS), Set.of(BROUILLON), PUBLIEE, ConsultationPubliee.class),
        CLOTURER(c -> c.cloturer(DLRO.plusSeconds(1)), Set.of(PUBLIEE), CLOTUREE, ConsultationCloturee.class),
        OUVRIR_LES_PLIS(Consultation::ouvrirLesPlis, Set.of(CLOTUREE), EN_ANALYSE, PlisOuverts.class),
        ATTRIBUER(Consultation::attribuer, Set.of(EN_ANALYSE), ATTRIBUEE, ConsultationAttribuee.class),
        NOTIFIER(Consultation::notifier, Set.of(ATTRIBUEE), NOTIFIEE, MarcheNotifie.class),
        DECLARER_SANS_SUITE(c -> c.declarerSansSuite("Besoin disparu après la fusion des services"),
                Set.of(BROUILLON, PUBLIEE, CLOTUREE, EN_ANALYSE), SANS_SUITE, ConsultationSansSuite.class);

        final Consumer<Consultation> action;
        final Set<StatutConsultation> depuis;
        final StatutConsultation vers;
        final Class<? extends EvenementConsultation> evenement;

        Etape(Consumer<Consultation> action, Set<StatutConsultation> depuis, StatutConsultation vers,
              Class<? extends EvenementConsultation> evenement) {
            this.action = action;
            this.depuis = depuis;
            this.vers = vers;
            this.evenement = evenement;
        }
    }

    static Stream<Arguments> transitionsAutorisees() {
        return Arrays.stream(Etape.values())
                .flatMap(etape -> etape.depuis.stream().map(statut -> Arguments.of(etape, statut)));
    }

    static Stream<Arguments> transitionsInterdites() {
        return Arrays.stream(Etape.values())
                .flatMap(etape -> EnumSet.complementOf(EnumSet.copyOf(etape.depuis)).stream()
                        .map(statut -> Arguments.of(etape, statut)));
    }

    /** A stored consultation in the given state, as persistence would rebuild it. */
    static Consultation enStatut(StatutConsultation statut) {
        boolean publiee = StatutConsultation.PUBLIES.contains(statut);
        return Consultation.reconstituer(ConsultationId.nouveau(), contenu(), ACHETEUR, statut,
                publiee ? Procedure.MAPA : null, publiee ? PUBLICATION : null, publiee ? Boolean.FALSE : null,
                statut == SANS_SUITE ? "Infructueuse" : null, 7);
    }

    @ParameterizedTest(name = "{0} depuis {1}")
    @MethodSource("transitionsAutorisees")
    void autorise_l_etape_depuis_les_etats_prevus(Etape etape, StatutConsultation depuis) {
        Consultation consultation = enStatut(depuis);

        etape.action.accept(consultation);

        assertThat(consultation.statut()).isEqualTo(etape.vers);
        assertThat(consultation.evenementsEnAttente()).singleElement().isInstanceOf(etape.evenement)
                .extracting(EvenementConsultation::consultationId).isEqualTo(consultation.id());
        assertThat(consultation.version()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0} depuis {1}")
    @MethodSource("transitionsInterdites")
    void refuse_l_etape_depuis_les_autres_etats(Etape etape, StatutConsultation depuis) {
        Consultation consultation = enStatut(depuis);

        assertThatThrownBy(() -> etape.action.accept(consultation))
                .isInstanceOf(TransitionInterditeException.class)
                .hasMessageStartingWith("Impossible d")
                .hasMessageNotContaining("de o").hasMessageNotContaining("de a")
                .hasMessageEndingWith(" : l'état actuel est " + depuis + ".")
                .hasFieldOrPropertyWithValue("etatActuel", depuis.name());
        assertThat(consultation.statut()).isEqualTo(depuis);
        assertThat(consultation.evenementsEnAttente()).isEmpty();
    }

    @Test
    void message_de_refus_elide_de_devant_une_voyelle() {
        assertThatThrownBy(() -> enStatut(BROUILLON).ouvrirLesPlis())
                .hasMessage("Impossible d'ouvrir les plis : l'état actuel est BROUILLON.");
        assertThatThrownBy(() -> enStatut(PUBLIEE).attribuer())
                .hasMessage("Impossible d'attribuer la consultation : l'état actuel est PUBLIEE.");
        assertThatThrownBy(() -> enStatut(PUBLIEE).verifierSuppressible())
                .hasMessage("Impossible de supprimer la consultation : l'état actuel est PUBLIEE.");
    }

    @Test
    void message_de_refus_nomme_l_action_et_l_etat() {
        assertThatThrownBy(() -> enStatut(NOTIFIEE).declarerSansSuite("Trop tard"))
                .hasMessage("Impossible de déclarer la consultation sans suite : l'état actuel est NOTIFIEE.");
    }

    @Test
    void enchaine_le_cycle_complet_en_enregistrant_un_evenement_par_etape() {
        Consultation consultation = Consultation.creer(ConsultationId.nouveau(), contenu(), ACHETEUR);
        consultation.publier(PUBLICATION, SEUILS, DELAIS);
        consultation.cloturer(DLRO.plusSeconds(60));
        consultation.ouvrirLesPlis();
        consultation.attribuer();
        consultation.notifier();

        assertThat(consultation.statut()).isEqualTo(NOTIFIEE);
        assertThat(consultation.evenementsEnAttente()).extracting(Object::getClass).containsExactly(
                ConsultationCreee.class, ConsultationPubliee.class, ConsultationCloturee.class, PlisOuverts.class,
                ConsultationAttribuee.class, MarcheNotifie.class);
    }

    @Test
    void refuse_la_cloture_avant_que_la_dlro_soit_passee() {
        Consultation consultation = enStatut(PUBLIEE);

        assertThatThrownBy(() -> consultation.cloturer(DLRO))
                .isInstanceOf(RegleMetierException.class)
                .hasFieldOrPropertyWithValue("champ", "dlro")
                .hasMessage("La consultation ne peut être clôturée qu'après la date limite de remise des offres,"
                        + " fixée au 15/06/2026 à 12h00.");
        assertThat(consultation.statut()).isEqualTo(PUBLIEE);
        assertThat(consultation.evenementsEnAttente()).isEmpty();
    }

    @Test
    void la_cloture_enregistre_sa_date() {
        Consultation consultation = enStatut(PUBLIEE);
        consultation.cloturer(DLRO.plusSeconds(1));

        assertThat(consultation.evenementsEnAttente())
                .containsExactly(new ConsultationCloturee(consultation.id(), DLRO.plusSeconds(1)));
    }

    @ParameterizedTest
    @EnumSource(value = StatutConsultation.class, names = {"BROUILLON", "PUBLIEE", "CLOTUREE", "EN_ANALYSE"})
    void la_declaration_sans_suite_garde_la_raison_et_l_etat_precedent(StatutConsultation depuis) {
        Consultation consultation = enStatut(depuis);
        consultation.declarerSansSuite("  Offres toutes irrégulières  ");

        assertThat(consultation.raisonSansSuite()).contains("Offres toutes irrégulières");
        assertThat(consultation.evenementsEnAttente())
                .containsExactly(new ConsultationSansSuite(consultation.id(), depuis, "Offres toutes irrégulières"));
    }

    @Test
    void la_declaration_sans_suite_exige_une_raison() {
        Consultation consultation = enStatut(PUBLIEE);

        assertThatThrownBy(() -> consultation.declarerSansSuite("  "))
                .isInstanceOf(ValeurInvalideException.class)
                .hasFieldOrPropertyWithValue("champ", "raison")
                .hasMessage("La raison de la déclaration sans suite est obligatoire.");
        assertThatThrownBy(() -> consultation.declarerSansSuite(null)).isInstanceOf(ValeurInvalideException.class);
        assertThat(consultation.statut()).isEqualTo(PUBLIEE);
    }

    @Test
    void la_modification_du_brouillon_remplace_son_contenu() {
        Consultation consultation = Exemples.brouillon();
        ContenuConsultation avant = consultation.contenu();
        ContenuConsultation apres = contenu(Nature.SERVICES, DLRO, 30_000, 20_000, 10_000);
        consultation.modifierBrouillon(apres);

        assertThat(consultation.nature()).isEqualTo(Nature.SERVICES);
        assertThat(consultation.lots().liste()).hasSize(3);
        assertThat(consultation.evenementsEnAttente())
                .containsExactly(new ConsultationModifiee(consultation.id(), avant, apres));
        assertThat(((ConsultationModifiee) consultation.evenementsEnAttente().get(0)).valeurEstimeeTotale())
                .isEqualTo(Montant.de(60_000));
    }

    @Test
    void refuse_de_reconstituer_un_etat_incoherent() {
        assertThatThrownBy(() -> Consultation.reconstituer(ConsultationId.nouveau(), contenu(), ACHETEUR, PUBLIEE,
                null, null, null, null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Consultation.reconstituer(ConsultationId.nouveau(), contenu(), ACHETEUR, SANS_SUITE,
                null, null, null, null, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
