package fr.centraleachat.catalogue.souscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.catalogue.contrat.domain.Contrat;
import fr.centraleachat.kernel.membre.DescriptionMembre;
import fr.centraleachat.kernel.membre.Membre;
import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.TransitionInterditeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SouscriptionTest {

    static final Siren TALANT = new Siren("212106173");
    static final Siren DIJON = new Siren("212102313");
    static final LocalDate DEBUT = LocalDate.of(2027, 3, 1);
    static final LocalDate JOUR = LocalDate.of(2027, 4, 1);
    static final Instant MAINTENANT = Instant.parse("2027-04-01T08:00:00Z");

    static Contrat contrat() {
        return new Contrat("2027-0042-L1", "c1", 1, "Fournitures", "Papier", new Siret("55210055400013"), "Papeterie",
                Contrat.ACCORD_CADRE_BONS_DE_COMMANDE, "UNITAIRE", Montant.de(9800), Montant.de(60000), null, DEBUT,
                DEBUT.plusMonths(24).minusDays(1), List.of(TALANT), null, FamilleAchat.FOURNITURES_ADMINISTRATIVES,
                "FOURNITURES", "MAPA", null, List.of(), null, null);
    }

    static Membre membre(Siren siren, List<String> familles) {
        Membre membre = Membre.inconnu(siren);
        membre.activer(new DescriptionMembre("a-" + siren.valeur(), "Commune " + siren.valeur(), "COMMUNE", familles,
                "PASSATION", DEBUT), MAINTENANT.minusSeconds(86_400));
        return membre;
    }

    static final List<String> FAMILLES = List.of("FOURNITURES_ADMINISTRATIVES");

    @Test
    void anActiveBeneficiaryWhoseAdhesionCoversTheFamilySubscribes() {
        Souscription souscription = Souscription.souscrire(contrat(), membre(TALANT, FAMILLES), JOUR, MAINTENANT);
        assertThat(souscription.statut()).isEqualTo(StatutSouscription.ACTIVE);
        assertThat(souscription.id()).isEqualTo("2027-0042-L1:212106173");
        assertThat(souscription.evenementsEnAttente()).containsExactly(
                new EvenementSouscription.SouscriptionCreee(MAINTENANT));
    }

    @Test
    void refusesEachIneligibleCaseWithItsReason() {
        assertThatThrownBy(() -> Souscription.souscrire(contrat(), membre(DIJON, FAMILLES), JOUR, MAINTENANT))
                .isInstanceOf(AccesRefuseException.class).hasMessageContaining("n'est pas bénéficiaire");
        assertThatThrownBy(() -> Souscription.souscrire(contrat(), membre(TALANT, List.of("VOIRIE")), JOUR, MAINTENANT))
                .isInstanceOf(RegleMetierException.class).hasMessageContaining("Fournitures administratives");
        assertThatThrownBy(() -> Souscription.souscrire(contrat(), membre(TALANT, FAMILLES), DEBUT.minusDays(1),
                MAINTENANT)).isInstanceOf(TransitionInterditeException.class).hasMessageContaining("A_VENIR");
        assertThatThrownBy(() -> Souscription.souscrire(contrat(), membre(TALANT, FAMILLES), LocalDate.of(2029, 3, 1),
                MAINTENANT)).hasMessageContaining("EXPIRE");
        Membre suspendu = membre(TALANT, FAMILLES);
        suspendu.suspendre(MAINTENANT.minusSeconds(60));
        assertThatThrownBy(() -> Souscription.souscrire(contrat(), suspendu, JOUR, MAINTENANT))
                .hasMessageContaining("n'est pas active");
        assertThatThrownBy(() -> Souscription.souscrire(contrat(), Membre.inconnu(TALANT), JOUR, MAINTENANT))
                .hasMessageContaining("n'est pas active");
    }

    @Test
    void anEndedSubscriptionStopsOrdersAndCanBeTakenAgain() {
        Membre talant = membre(TALANT, FAMILLES);
        Souscription souscription = Souscription.souscrire(contrat(), talant, JOUR, MAINTENANT);
        souscription.verifierPeutCommander(talant);
        souscription.resilier(MAINTENANT.plusSeconds(60));
        assertThatThrownBy(() -> souscription.verifierPeutCommander(talant)).hasMessageContaining("résiliée");
        assertThatThrownBy(() -> souscription.resilier(MAINTENANT)).isInstanceOf(TransitionInterditeException.class);
        souscription.reprendre(contrat(), talant, JOUR, MAINTENANT.plusSeconds(120));
        assertThat(souscription.statut()).isEqualTo(StatutSouscription.ACTIVE);
        assertThatThrownBy(() -> souscription.reprendre(contrat(), talant, JOUR, MAINTENANT))
                .hasMessageContaining("déjà souscrit");
    }

    @Test
    void aSuspendedAdhesionStopsNewOrdersOnAnExistingSubscription() {
        Membre talant = membre(TALANT, FAMILLES);
        Souscription souscription = Souscription.souscrire(contrat(), talant, JOUR, MAINTENANT);
        talant.suspendre(MAINTENANT.plusSeconds(60));
        assertThatThrownBy(() -> souscription.verifierPeutCommander(talant))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("aucune nouvelle commande");
    }
}
