package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.ValeurInvalideException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.centraleachat.marche.consultation.domain.Exemples.DIJON_METROPOLE;
import static fr.centraleachat.marche.consultation.domain.Exemples.FOURNITURES_DE_BUREAU;
import static fr.centraleachat.marche.consultation.domain.Exemples.VILLE_DE_DIJON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LotsEtBeneficiairesTest {

    private static Lot lot(int numero) {
        return new Lot(numero, "Lot " + numero, Montant.de(10_000));
    }

    @Test
    void trie_les_lots_et_totalise_leur_valeur_estimee() {
        Lots lots = Lots.de(new Lot(2, "Papier", Montant.de("1234.56")), new Lot(1, "Stylos", Montant.de(10_000)));

        assertThat(lots.liste()).extracting(Lot::numero).containsExactly(1, 2);
        assertThat(lots.valeurEstimeeTotale()).isEqualTo(Montant.de("11234.56"));
    }

    @Test
    void un_lot_sans_cpv_propre_reprend_le_cpv_principal() {
        CodeCpv papier = new CodeCpv("30197630-1");
        assertThat(lot(1).cpvOuPrincipal(FOURNITURES_DE_BUREAU)).isEqualTo(FOURNITURES_DE_BUREAU);
        assertThat(new Lot(1, "Papier", Montant.de(1), papier).cpvOuPrincipal(FOURNITURES_DE_BUREAU)).isEqualTo(papier);
    }

    @Test
    void refuse_une_consultation_sans_lot() {
        assertThatThrownBy(() -> new Lots(List.of()))
                .isInstanceOf(ValeurInvalideException.class)
                .hasFieldOrPropertyWithValue("champ", "lots")
                .hasMessage("Une consultation comporte au moins un lot.");
        assertThatThrownBy(() -> new Lots(null)).isInstanceOf(ValeurInvalideException.class);
    }

    @Test
    void refuse_un_numero_de_lot_en_double() {
        assertThatThrownBy(() -> Lots.de(lot(1), lot(2), lot(2)))
                .isInstanceOf(ValeurInvalideException.class)
                .hasFieldOrPropertyWithValue("champ", "lots")
                .hasMessage("Le lot n° 2 figure plusieurs fois.");
    }

    @Test
    void refuse_une_numerotation_avec_un_trou() {
        assertThatThrownBy(() -> Lots.de(lot(1), lot(3)))
                .hasMessage("Les lots doivent être numérotés de 1 à 2 sans interruption : le lot n° 2 manque.");
        assertThatThrownBy(() -> Lots.de(lot(2))).hasMessageContaining("le lot n° 1 manque");
    }

    @Test
    void refuse_un_lot_mal_forme() {
        assertThatThrownBy(() -> lot(0)).hasMessage("Le numéro de lot doit être supérieur ou égal à 1 (reçu : 0).");
        assertThatThrownBy(() -> new Lot(1, " ", Montant.de(1))).hasMessage("L'intitulé du lot n° 1 est obligatoire.");
        assertThatThrownBy(() -> new Lot(1, "Papier", Montant.ZERO))
                .hasMessage("Le montant estimé du lot n° 1 doit être strictement positif.");
        assertThatThrownBy(() -> new Lot(1, "Papier", null)).isInstanceOf(ValeurInvalideException.class);
    }

    @Test
    void accepte_des_beneficiaires_distincts() {
        Beneficiaires beneficiaires = Beneficiaires.de(DIJON_METROPOLE, VILLE_DE_DIJON);

        assertThat(beneficiaires.inclut(VILLE_DE_DIJON)).isTrue();
        assertThatThrownBy(() -> beneficiaires.membres().add(DIJON_METROPOLE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refuse_l_absence_de_beneficiaire() {
        assertThatThrownBy(() -> new Beneficiaires(List.of()))
                .isInstanceOf(ValeurInvalideException.class)
                .hasFieldOrPropertyWithValue("champ", "beneficiaires")
                .hasMessage("Au moins un membre bénéficiaire est requis.");
    }

    @Test
    void refuse_un_beneficiaire_en_double() {
        assertThatThrownBy(() -> Beneficiaires.de(DIJON_METROPOLE, VILLE_DE_DIJON, DIJON_METROPOLE))
                .isInstanceOf(ValeurInvalideException.class)
                .hasFieldOrPropertyWithValue("champ", "beneficiaires")
                .hasMessage("Le membre 242100410 figure plusieurs fois parmi les bénéficiaires.");
    }

    @Test
    void a_lot_may_have_its_own_criteria_under_the_same_rules_as_the_consultations() {
        Criteres propres = Criteres.de(new CritereAttribution("Prix", 80, TypeCritere.PRIX),
                new CritereAttribution("Délai", 20, TypeCritere.AUTRE));
        Criteres communs = Criteres.de(new CritereAttribution("Prix", 100, TypeCritere.PRIX));

        assertThat(new Lot(1, "Papier", Montant.de(1), null, propres).criteresOu(communs)).isEqualTo(propres);
        assertThat(new Lot(2, "Stylos", Montant.de(1)).criteresOu(communs)).isEqualTo(communs);
        assertThatThrownBy(() -> Criteres.de(new CritereAttribution("Délai", 100, TypeCritere.AUTRE)))
                .hasMessageContaining("prix");
    }
}
