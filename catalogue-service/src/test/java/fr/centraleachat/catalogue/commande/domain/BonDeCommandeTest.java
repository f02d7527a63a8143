package fr.centraleachat.catalogue.commande.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BonDeCommandeTest {

    static final LocalDate JOUR = LocalDate.of(2027, 4, 1);
    static final Instant MAINTENANT = Instant.parse("2027-04-01T08:00:00Z");

    static LigneCommande ligne(String reference, String quantite, String prix, String tva) {
        return new LigneCommande(reference, "Article " + reference, "unité", new BigDecimal(quantite),
                new BigDecimal(prix), new BigDecimal(tva));
    }

    static BonDeCommande bon(LigneCommande... lignes) {
        return BonDeCommande.rediger("212106173-2027-00001", "2027-0042-L1", new Siren("212106173"),
                new Siret("55210055400013"), JOUR, List.of(lignes), "Mairie de Talant, place du Mail");
    }

    @Test
    void totalsEachLineToTheCentThenSumsHtVatAndTtc() {
        BonDeCommande bon = bon(ligne("PAP-A4", "12", "4.2375", "20"), ligne("LIVRE", "3", "15.10", "5.5"));
        // 12 × 4.2375 = 50.85 (VAT 10.17); 3 × 15.10 = 45.30 (VAT 2.49).
        assertThat(bon.montantHt()).isEqualByComparingTo("96.15");
        assertThat(bon.montantTva()).isEqualByComparingTo("12.66");
        assertThat(bon.montantTtc()).isEqualByComparingTo("108.81");
        assertThat(bon.statut()).isEqualTo(StatutBonDeCommande.BROUILLON);
    }

    @Test
    void refusesDuplicateReferencesBadQuantitiesAndAMissingAddress() {
        assertThatThrownBy(() -> bon(ligne("A", "1", "1", "20"), ligne("A", "2", "1", "20")))
                .hasMessageContaining("plusieurs lignes");
        assertThatThrownBy(() -> ligne("A", "0", "1", "20")).isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> ligne("A", "1.0001", "1", "20")).hasMessageContaining("3 décimales");
        assertThatThrownBy(() -> BonDeCommande.rediger("n", "c", new Siren("212106173"), new Siret("55210055400013"),
                JOUR, List.of(ligne("A", "1", "1", "20")), " ")).hasMessageContaining("adresse");
    }

    @Test
    void goesFromDraftToIssuedToDeliveredOrCancelledBeforeDelivery() {
        BonDeCommande livre = bon(ligne("A", "1", "10", "20"));
        assertThatThrownBy(() -> livre.livrer(JOUR, MAINTENANT)).isInstanceOf(TransitionInterditeException.class);
        livre.emettre(MAINTENANT);
        assertThatThrownBy(() -> livre.livrer(JOUR.minusDays(1), MAINTENANT)).hasMessageContaining("précéder");
        livre.livrer(JOUR.plusDays(3), MAINTENANT);
        assertThat(livre.statut()).isEqualTo(StatutBonDeCommande.LIVRE);
        assertThatThrownBy(() -> livre.annuler("Trop tard", MAINTENANT)).isInstanceOf(TransitionInterditeException.class);

        BonDeCommande annule = bon(ligne("A", "1", "10", "20"));
        assertThatThrownBy(() -> annule.annuler("Brouillon", MAINTENANT)).isInstanceOf(TransitionInterditeException.class);
        annule.emettre(MAINTENANT);
        annule.annuler("Besoin couvert autrement", MAINTENANT);
        assertThat(annule.statut()).isEqualTo(StatutBonDeCommande.ANNULE);
        assertThat(annule.evenementsEnAttente()).hasSize(2);
        assertThatThrownBy(() -> annule.emettre(MAINTENANT)).isInstanceOf(TransitionInterditeException.class);
    }
}
